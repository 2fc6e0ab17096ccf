//! Ctrl-C: exit 130 with a word, and with what the user must know if the interruption
//! left something half done (servers drained to weight 0 but not yet removed).

use std::sync::Mutex;

/// Conventional exit status after Ctrl-C (128 + SIGINT).
pub const EXIT_INTERRUPTED: i32 = 130;

static NOTE: Mutex<Option<String>> = Mutex::new(None);

/// Say what an interruption from now on would leave behind (None: nothing).
pub fn set_note(note: Option<String>) {
    if let Ok(mut slot) = NOTE.lock() {
        *slot = note;
    }
}

/// Install the handler. Called once at start-up; if it cannot be installed, Ctrl-C
/// still ends the process, only without the message.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        let note = NOTE.lock().ok().and_then(|n| n.clone());
        match note {
            Some(note) => eprintln!("\nslbctl: interrupted: {note}"),
            None => eprintln!("\nslbctl: interrupted"),
        }
        std::process::exit(EXIT_INTERRUPTED);
    });
}
