//! The one test binary (as ripgrep, fd and xh do): every area is a module, and the test
//! support (fake SLB server, TLS, proxy) compiles once.
//!
//! Every server a test talks to is on 127.0.0.1 and started by the test itself.

mod alb_nlb;
mod architecture;
mod audit;
mod credentials;
mod dry_run;
mod fake_server;
mod groups;
mod hostile_input;
mod https;
mod interface;
mod interop;
mod outcomes;
mod profiles;
mod readme;
mod remove;
mod resilience;
mod rolling_deploy;
mod scale;
mod secrets;
mod standby;
mod standby_products;
mod support;
mod terminal;
mod waits;
