//! Ctrl-C and SIGTERM: say what the interruption left half done (servers drained to
//! weight 0 but not yet removed), then die *by the signal*. A leaf: uses nothing else of
//! the crate.
//!
//! Why not `exit(130)`: bash (and other shells) stop a script's loop only when the
//! child died of SIGINT ("wait and cooperative exit"); a child that exits normally with
//! status 130 lets `for s in …; do slbctl …; done` go on to the next server. So the
//! handler restores the default disposition and re-raises the signal, as fd does; the
//! calling shell still reports status 130 (SIGINT) or 143 (SIGTERM). On Windows there
//! are no signals to re-raise, and Ctrl-C exits with status 130 as before.

use std::sync::Mutex;

static NOTE: Mutex<Option<String>> = Mutex::new(None);
static ON_SIGNAL: Mutex<Option<fn(i32)>> = Mutex::new(None);

/// What to do, after the note, when a signal ends the run (the audit log's last line).
pub fn on_signal(hook: fn(i32)) {
    if let Ok(mut slot) = ON_SIGNAL.lock() {
        *slot = Some(hook);
    }
}

fn run_hook(signal: i32) {
    let hook = ON_SIGNAL.lock().ok().and_then(|h| *h);
    if let Some(hook) = hook {
        hook(signal);
    }
}

/// Say what an interruption from now on would leave behind (None: nothing).
pub fn set_note(note: Option<String>) {
    if let Ok(mut slot) = NOTE.lock() {
        *slot = note;
    }
}

fn announce() {
    let note = NOTE.lock().ok().and_then(|n| n.clone());
    match note {
        Some(note) => eprintln!("\nslbctl: interrupted: {note}"),
        None => eprintln!("\nslbctl: interrupted"),
    }
}

/// Install the handler for SIGINT and SIGTERM. Called once at start-up; if it cannot be
/// installed, the signals still end the process, only without the message.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    // The message is printed from an ordinary thread, not from inside the signal
    // handler, where printing is not allowed.
    let spawned = std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            announce();
            run_hook(signal);
            // Resets the disposition to the default and raises the signal again: the
            // process ends by it. Should that fail, the conventional status is next best.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    drop(spawned);
}

#[cfg(windows)]
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        announce();
        run_hook(2);
        std::process::exit(130);
    });
}
