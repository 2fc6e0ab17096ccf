//! `-v` diagnostics on stderr: what is being done, never a secret.
//!
//! One process-wide level, set once from the command line before any command runs; a
//! global is simpler here than threading a logger through every layer. (The other
//! process-wide state is the terminal decision beside it and the interruption note in
//! `interrupt`.)

use std::sync::atomic::{AtomicU8, Ordering};

static VERBOSITY: AtomicU8 = AtomicU8::new(0);

pub fn set_verbosity(level: u8) {
    VERBOSITY.store(level, Ordering::Relaxed);
}

/// Whether messages of this level (1 = `-v`, 2 = `-vv`) are shown.
pub fn enabled(level: u8) -> bool {
    VERBOSITY.load(Ordering::Relaxed) >= level
}

/// Print a `-v` line to stderr: `verbose!("attempt {n}")`.
#[macro_export]
macro_rules! verbose {
    ($($arg:tt)*) => {
        if $crate::output::log::enabled(1) {
            eprintln!("slbctl: {}", format_args!($($arg)*));
        }
    };
}
