//! Entry point: everything is in the library (`slbctl::main`), so tests reach it too.

fn main() -> std::process::ExitCode {
    slbctl::main()
}
