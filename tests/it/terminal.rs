//! Interactive use on a real terminal (tmux): `slbctl configure` prompts, and the
//! secret is not echoed to the screen; a wait shows a live line.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::*;

struct Tmux {
    session: String,
}

impl Tmux {
    fn start(command: &str, home: &Path) -> Tmux {
        // Unique per test: the tests of one binary run in parallel.
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("slbctl-test-{}-{n}", std::process::id());
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "120", "-y", "30"])
            .arg(format!("env -i HOME={} PATH=/usr/bin:/bin NO_COLOR=1 {command}; sleep 30", home.display()))
            .status()
            .expect("tmux is needed for the terminal tests");
        assert!(status.success());
        Tmux { session }
    }

    fn screen(&self) -> String {
        let out = Command::new("tmux").args(["capture-pane", "-p", "-t", &self.session]).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "waited for {text:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn type_line(&self, text: &str) {
        let ok = Command::new("tmux").args(["send-keys", "-t", &self.session, "-l", text]).status().unwrap();
        assert!(ok.success());
        let ok = Command::new("tmux").args(["send-keys", "-t", &self.session, "Enter"]).status().unwrap();
        assert!(ok.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").args(["kill-session", "-t", &self.session]).status();
    }
}

#[test]
fn configure_prompts_on_a_terminal_and_never_echoes_the_secret() {
    let home = tempfile::tempdir().unwrap();
    let binary = assert_cmd::cargo::cargo_bin("slbctl");
    let tmux = Tmux::start(&format!("{} configure --profile desk", binary.display()), home.path());
    tmux.wait_for("Access key id:");
    tmux.type_line(KEY_ID);
    tmux.wait_for("Access key secret:");
    tmux.type_line(SECRET);
    tmux.wait_for("Region:");
    tmux.type_line("cn-shanghai");
    let screen = tmux.wait_for("saved in");
    assert!(!screen.contains(SECRET), "the secret was echoed:\n{screen}");
    assert!(screen.contains(KEY_ID), "the key id is echoed as typed:\n{screen}");

    let text = std::fs::read_to_string(home.path().join(".config/slbctl/config.toml")).unwrap();
    assert!(text.contains("[profiles.desk]"), "{text}");
    assert!(text.contains(&format!("access_key_secret = \"{SECRET}\"")), "{text}");
    assert!(text.contains("region = \"cn-shanghai\""), "{text}");
}

#[test]
fn a_wait_on_a_terminal_shows_a_live_line_with_the_time_left() {
    use crate::support::fake_slb::{FakeSlb, Script};
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server.set_health("lb-1", "i-a", Script::Abnormal);
    let binary = assert_cmd::cargo::cargo_bin("slbctl");
    let command = format!(
        "ALIBABA_CLOUD_ECS_METADATA_DISABLED=true SLBCTL_WAIT_SECOND_MS=10 ALIBABA_CLOUD_ACCESS_KEY_ID={KEY_ID} \
         ALIBABA_CLOUD_ACCESS_KEY_SECRET={SECRET} ALIBABA_CLOUD_REGION_ID=cn-hangzhou SLBCTL_ENDPOINT={} \
         {} backends wait --lb lb-1 --until healthy --wait-timeout 86400 i-a i-b",
        server.url(),
        binary.display()
    );
    let tmux = Tmux::start(&command, home.path());
    let screen = tmux.wait_for("slbctl: waiting until healthy: lb-1 i-a abnormal, lb-1 i-b normal (");
    assert!(screen.contains(" s left)"), "{screen}");
    // One line, rewritten in place, not a line a poll.
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(tmux.screen().matches("waiting until healthy").count(), 1, "{}", tmux.screen());
    assert!(server.requests_of("DescribeHealthStatus").len() >= 2);
}
