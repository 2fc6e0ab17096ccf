//! A fake Alibaba Cloud SLB RPC endpoint on loopback, for tests and for interop runs.
//!
//! It checks requests the way the real service does (signature v1 recomputed with its own
//! encoder, timestamp freshness, nonce reuse, STS token, API version), keeps backend state
//! per load balancer, answers in the service's JSON shapes, records every request, and
//! can be told to misbehave (throttling, 5xx, HTML, truncated JSON, dropped connections,
//! delays). It deliberately shares no code with slbctl's signer, so a bug there cannot
//! hide behind the same bug here.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

#[path = "fake_slb/groups.rs"]
mod groups;
#[path = "fake_slb/health.rs"]
mod health;
#[path = "fake_slb/server_groups.rs"]
mod server_groups;
#[path = "fake_slb/services.rs"]
mod services;

pub use health::Script;

pub use server_groups::{COMMON as COMMON_PARAMS, Groupless};
pub use services::Imdsv2;

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha1::Sha1;

/// How far a request's Timestamp may be from the server's clock (as the service allows).
const MAX_CLOCK_SKEW_SECS: i64 = 15 * 60;

/// One way to misbehave, used for the next request instead of a real answer.
#[derive(Debug, Clone)]
pub enum Fault {
    /// An API error with this HTTP status and code (e.g. 503 ServiceUnavailable).
    ApiError { status: u16, code: String },
    /// A status with a body that is not JSON at all (a proxy's HTML page).
    Html(u16),
    /// 200 with a JSON body cut in half.
    TruncatedJson,
    /// Close the connection without answering.
    Drop,
    /// Wait this long, then answer normally.
    Delay(Duration),
    /// 200 with an arbitrary body.
    Body(String),
    /// 400 Throttling.User with an `x-acs-retry-after` header (milliseconds).
    ThrottledWithRetryAfter(u64),
    /// 200 with a body of this many bytes of JSON-looking padding.
    HugeBody(usize),
    /// Serve the request (its change is applied), then close the connection without
    /// answering: a lost answer.
    DropAnswer,
}

/// A request as the server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub params: BTreeMap<String, String>,
    /// The names of the parameters that came in the form body (the rest came in the query).
    pub body: Vec<String>,
    /// The error code answered, or None for success (or a fault).
    pub error_code: Option<String>,
}

impl Recorded {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}

#[derive(Debug, Clone)]
struct Backend {
    server_id: String,
    server_type: String,
    weight: u32,
    description: String,
}

#[derive(Debug)]
struct LoadBalancer {
    region: String,
    backends: Vec<Backend>,
    /// Removed backends that describes still list, and for how many more describes
    /// (eventual consistency, see `health::set_describe_lag`).
    ghosts: Vec<(Backend, usize)>,
}

#[derive(Default)]
struct State {
    /// access key id → (secret, required STS token)
    keys: HashMap<String, (String, Option<String>)>,
    lbs: HashMap<String, LoadBalancer>,
    nonces: HashSet<String>,
    requests: Vec<Recorded>,
    faults: VecDeque<Fault>,
    /// Requests read so far, counted on arrival (before any delay or answer).
    arrivals: usize,
    /// Faults for the n-th call (1-based) of an action: (action, n, fault).
    action_faults: Vec<(String, usize, Fault)>,
    /// Calls seen per action.
    action_calls: HashMap<String, usize>,
    /// TLS connections that ended before a request (handshake refused).
    tls_failures: usize,
    /// Connections accepted (a client that reuses its connection makes one).
    connections: usize,
    /// Problems that must fail the test: a handler panic, a malformed HTTP request.
    problems: Vec<String>,
    /// STS, the metadata server and the credentials URI.
    services: services::Services,
    /// Listeners, health checks and describe lag.
    health: health::Health,
    /// vServer groups.
    groups: groups::Groups,
    /// ALB and NLB server groups, listeners, rules and jobs.
    server_groups: server_groups::ServerGroups,
    /// Until when each load balancer is "configuring" after a change.
    configuring: HashMap<String, std::time::Instant>,
    /// How long a change keeps a load balancer configuring (zero: not at all).
    configuring_window: Duration,
    /// Added to every answer (a real region is not on loopback).
    latency: Duration,
}

pub struct FakeSlb {
    addr: SocketAddr,
    tls: bool,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    acceptor: Option<JoinHandle<()>>,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A panicking handler poisons the lock; the panic is already recorded as a problem.
    state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl FakeSlb {
    /// Start on 127.0.0.1 with an OS-chosen port.
    pub fn start() -> FakeSlb {
        FakeSlb::start_on(0)
    }

    pub fn start_on(port: u16) -> FakeSlb {
        FakeSlb::start_with(port, None)
    }

    /// Serve HTTPS with this TLS configuration (see `support::tls`).
    pub fn start_tls(config: Arc<rustls::ServerConfig>) -> FakeSlb {
        FakeSlb::start_with(0, Some(config))
    }

    fn start_with(port: u16, tls: Option<Arc<rustls::ServerConfig>>) -> FakeSlb {
        let is_tls = tls.is_some();
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let acceptor = {
            let state = Arc::clone(&state);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(stream) = stream else { continue };
                    let _ = stream.set_nodelay(true);
                    let state = Arc::clone(&state);
                    let tls = tls.clone();
                    std::thread::spawn(move || {
                        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
                            match tls {
                                None => handle_connection(stream, &state, false),
                                Some(config) => match rustls::ServerConnection::new(config) {
                                    Ok(conn) => handle_connection(
                                        rustls::StreamOwned::new(conn, stream),
                                        &state,
                                        true,
                                    ),
                                    Err(e) => lock(&state).problems.push(format!("TLS setup: {e}")),
                                },
                            }
                        }));
                        if let Err(panic) = outcome {
                            let what = panic
                                .downcast_ref::<String>()
                                .cloned()
                                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                                .unwrap_or_default();
                            lock(&state).problems.push(format!("handler panicked: {what}"));
                        }
                    });
                }
            })
        };
        FakeSlb { addr, tls: is_tls, state, stop, acceptor: Some(acceptor) }
    }

    /// `http://127.0.0.1:PORT`, or `https://` when serving TLS.
    pub fn url(&self) -> String {
        format!("{}://{}", if self.tls { "https" } else { "http" }, self.addr)
    }

    /// Connections whose TLS handshake failed (the client refused the certificate).
    pub fn tls_failures(&self) -> usize {
        lock(&self.state).tls_failures
    }

    /// [`Self::tls_failures`] once at least `expected` were counted (or 2 s passed). The
    /// server's connection thread counts a failure only after the client hung up, maybe
    /// after the client process exited; a moment more lets one more be counted too.
    pub fn tls_failures_at_least(&self, expected: usize) -> usize {
        let deadline = std::time::Instant::now() + Duration::from_secs(2);
        while lock(&self.state).tls_failures < expected && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(50));
        lock(&self.state).tls_failures
    }

    /// After each change, the load balancer is "configuring" this long: another change
    /// in that window gets ServiceIsConfiguring (VServerGroupProcessing for a group).
    pub fn set_configuring_window(&self, window: Duration) {
        lock(&self.state).configuring_window = window;
    }

    /// Answer every request this much later (the benchmark's discovery row, through
    /// the example's `--latency-ms`; no test measures time).
    #[allow(dead_code)]
    pub fn set_latency(&self, latency: Duration) {
        lock(&self.state).latency = latency;
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        lock(&self.state).connections
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Accept this access key (with an STS token it then requires).
    pub fn add_key(&self, id: &str, secret: &str, token: Option<&str>) {
        lock(&self.state).keys.insert(id.into(), (secret.into(), token.map(str::to_owned)));
    }

    /// Create a load balancer in `region` with these ECS backends at weight 100.
    pub fn add_lb(&self, id: &str, region: &str, servers: &[&str]) {
        let backends = servers
            .iter()
            .map(|s| Backend {
                server_id: s.to_string(),
                server_type: infer_type(s).into(),
                weight: 100,
                description: String::new(),
            })
            .collect();
        lock(&self.state)
            .lbs
            .insert(id.into(), LoadBalancer { region: region.into(), backends, ghosts: Vec::new() });
    }

    /// The current backend ids of a load balancer.
    pub fn backends(&self, lb: &str) -> Vec<String> {
        lock(&self.state)
            .lbs
            .get(lb)
            .map(|l| l.backends.iter().map(|b| b.server_id.clone()).collect())
            .unwrap_or_default()
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        lock(&self.state).requests.clone()
    }

    /// How many requests have arrived, answered or not.
    pub fn arrivals(&self) -> usize {
        lock(&self.state).arrivals
    }

    /// Misbehave for the next `count` requests.
    pub fn inject(&self, fault: Fault, count: usize) {
        let mut state = lock(&self.state);
        for _ in 0..count {
            state.faults.push_back(fault.clone());
        }
    }

    /// Misbehave on the `nth` call (1-based) of `action` only.
    pub fn inject_on_call(&self, action: &str, nth: usize, fault: Fault) {
        lock(&self.state).action_faults.push((action.to_owned(), nth, fault));
    }

    /// Requests of one action, in order.
    pub fn requests_of(&self, action: &str) -> Vec<Recorded> {
        self.requests().into_iter().filter(|r| r.param("Action") == Some(action)).collect()
    }

    /// The current (id, weight) of each backend.
    pub fn weights(&self, lb: &str) -> Vec<(String, u32)> {
        lock(&self.state)
            .lbs
            .get(lb)
            .map(|l| l.backends.iter().map(|b| (b.server_id.clone(), b.weight)).collect())
            .unwrap_or_default()
    }

    /// Assert that exactly `n` requests arrived.
    pub fn assert_requests(&self, n: usize) {
        let got = self.requests();
        assert_eq!(got.len(), n, "expected {n} request(s), the fake SLB saw: {got:#?}");
    }
}

impl Drop for FakeSlb {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wake the acceptor
        if let Some(handle) = self.acceptor.take() {
            let _ = handle.join();
        }
        let problems = std::mem::take(&mut lock(&self.state).problems);
        if !problems.is_empty() && !std::thread::panicking() {
            panic!("the fake SLB server saw problems: {problems:#?}");
        }
    }
}

fn infer_type(id: &str) -> &'static str {
    if id.starts_with("eni-") {
        "eni"
    } else if id.starts_with("eci-") {
        "eci"
    } else {
        "ecs"
    }
}

struct HttpRequest {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Why no request was read.
enum NoRequest {
    /// The connection ended (or failed) before a request line.
    Closed,
    /// Something arrived that is not HTTP.
    Malformed(String),
}

fn read_request<S: Read>(reader: &mut BufReader<S>) -> Result<HttpRequest, NoRequest> {
    let mut line = String::new();
    match reader.read_line(&mut line) {
        Ok(0) => return Err(NoRequest::Closed),
        Ok(_) => {}
        Err(_) => return Err(NoRequest::Closed),
    }
    read_rest(reader, line).map_err(NoRequest::Malformed)
}

fn read_rest<R: BufRead>(mut reader: R, mut line: String) -> Result<HttpRequest, String> {
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(_version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("malformed request line {line:?}"));
    };
    let (method, target) = (method.to_owned(), target.to_owned());
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).map_err(|e| e.to_string())?;
        let trimmed = line.trim_end();
        if trimmed.is_empty() {
            break;
        }
        let (name, value) = trimmed.split_once(':').ok_or_else(|| format!("malformed header {trimmed:?}"))?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .map(|(_, v)| v.parse().map_err(|_| format!("bad content-length {v:?}")))
        .transpose()?
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body).map_err(|e| e.to_string())?;
    Ok(HttpRequest { method, target, headers, body })
}

/// Serve one connection: requests one after another while the client keeps it open
/// (HTTP/1.1 keep-alive, as the real service does), until it closes or asks to.
fn handle_connection<S: Read + Write>(stream: S, state: &Mutex<State>, tls: bool) {
    lock(state).connections += 1;
    let mut reader = BufReader::new(stream);
    let mut first = true;
    loop {
        let request = match read_request(&mut reader) {
            Ok(r) => r,
            // A TLS client that refuses our certificate closes during the handshake.
            Err(NoRequest::Closed) if tls && first => {
                lock(state).tls_failures += 1;
                return;
            }
            Err(NoRequest::Closed) => return, // closed (or opened and closed without a request)
            Err(NoRequest::Malformed(problem)) => {
                lock(state).problems.push(format!("bad HTTP request: {problem}"));
                return;
            }
        };
        first = false;
        if !serve_request(reader.get_mut(), state, &request) {
            return;
        }
    }
}

/// Answer one request; false when the connection is to be closed.
fn serve_request<S: Write>(stream: &mut S, state: &Mutex<State>, request: &HttpRequest) -> bool {
    let latency = lock(state).latency;
    if !latency.is_zero() {
        std::thread::sleep(latency);
    }
    let fault = {
        let mut state = lock(state);
        state.arrivals += 1;
        let action = all_params(request).ok().and_then(|p| p.get("Action").cloned()).unwrap_or_default();
        let calls = state.action_calls.entry(action.clone()).or_insert(0);
        *calls += 1;
        let nth = *calls;
        let targeted = state.action_faults.iter().position(|(a, n, _)| *a == action && *n == nth);
        match targeted {
            Some(index) => Some(state.action_faults.remove(index).2),
            None => state.faults.pop_front(),
        }
    };
    let mut extra_headers = String::new();
    let (status, body) = match fault {
        Some(Fault::ThrottledWithRetryAfter(ms)) => {
            record_fault(state, request);
            extra_headers = format!("x-acs-retry-after: {ms}\r\n");
            (400, error_body("Throttling.User", "Request was denied due to user flow control."))
        }
        Some(Fault::HugeBody(size)) => {
            record_fault(state, request);
            let mut body = String::with_capacity(size);
            body.push_str("{\"RequestId\":\"");
            body.extend(std::iter::repeat_n('x', size.saturating_sub(body.len() + 2)));
            body.push_str("\"}");
            (200, body)
        }
        Some(Fault::Drop) => {
            record_fault(state, request);
            return false; // closing the socket without a word
        }
        Some(Fault::ApiError { status, code }) => {
            record_fault(state, request);
            (status, error_body(&code, &format!("Injected {code}.")))
        }
        Some(Fault::Html(status)) => {
            record_fault(state, request);
            (status, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>".to_owned())
        }
        Some(Fault::TruncatedJson) => {
            record_fault(state, request);
            (200, r#"{"RequestId":"5E0B2A7C","LoadBalancerId":"lb-x","BackendSer"#.to_owned())
        }
        Some(Fault::Body(body)) => {
            record_fault(state, request);
            (200, body)
        }
        Some(Fault::Delay(d)) => {
            std::thread::sleep(d);
            answer(state, request)
        }
        Some(Fault::DropAnswer) => {
            let _ = answer(state, request);
            return false;
        }
        None => answer(state, request),
    };
    let reason = match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };
    let keep_alive =
        !request.headers.iter().any(|(n, v)| n == "connection" && v.eq_ignore_ascii_case("close"));
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json;charset=utf-8\r\nContent-Length: {}\r\n{extra_headers}Connection: {}\r\n\r\n",
        body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    );
    // The client may have given up (timeout tests); that is not a server problem.
    // One write of head and body (with TCP_NODELAY on the socket): two small writes
    // would wait out the client's delayed ACK, 40 ms a call on a kept-alive connection.
    let mut answer = head.into_bytes();
    answer.extend_from_slice(body.as_bytes());
    let written = stream.write_all(&answer).and_then(|_| stream.flush());
    keep_alive && written.is_ok()
}

fn record_fault(state: &Mutex<State>, request: &HttpRequest) {
    let params = all_params(request).unwrap_or_default();
    let body = body_names(request);
    lock(state).requests.push(Recorded { method: request.method.clone(), params, body, error_code: None });
}

/// Decode `application/x-www-form-urlencoded`-style pairs (`+` is a space).
fn decode_pairs(text: &str, into: &mut BTreeMap<String, String>) -> Result<(), String> {
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        into.insert(percent_decode(name)?, percent_decode(value)?);
    }
    Ok(())
}

fn percent_decode(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3).ok_or_else(|| format!("truncated escape in {text:?}"))?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("bad escape in {text:?}"))?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| format!("not UTF-8: {text:?}"))
}

/// The names of the form body's parameters.
fn body_names(request: &HttpRequest) -> Vec<String> {
    let mut body = BTreeMap::new();
    let form = request
        .headers
        .iter()
        .any(|(n, v)| n == "content-type" && v.starts_with("application/x-www-form-urlencoded"));
    if form && !request.body.is_empty() {
        let _ = decode_pairs(&String::from_utf8_lossy(&request.body), &mut body);
    }
    body.into_keys().collect()
}

/// Query parameters plus, for a form POST, the body's.
fn all_params(request: &HttpRequest) -> Result<BTreeMap<String, String>, String> {
    let mut params = BTreeMap::new();
    if let Some((_, query)) = request.target.split_once('?') {
        decode_pairs(query, &mut params)?;
    }
    let form = request
        .headers
        .iter()
        .any(|(n, v)| n == "content-type" && v.starts_with("application/x-www-form-urlencoded"));
    if form && !request.body.is_empty() {
        decode_pairs(&String::from_utf8_lossy(&request.body), &mut params)?;
    }
    Ok(params)
}

/// RFC 3986 encoding written out by hand, independent of slbctl's.
fn rfc3986(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn expected_signature(method: &str, params: &BTreeMap<String, String>, secret: &str) -> (String, String) {
    let canonical: Vec<String> = params
        .iter()
        .filter(|(k, _)| k.as_str() != "Signature")
        .map(|(k, v)| format!("{}={}", rfc3986(k), rfc3986(v)))
        .collect();
    let string_to_sign = format!("{method}&{}&{}", rfc3986("/"), rfc3986(&canonical.join("&")));
    let mut mac = Hmac::<Sha1>::new_from_slice(format!("{secret}&").as_bytes()).expect("hmac key");
    mac.update(string_to_sign.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    (signature, string_to_sign)
}

fn request_id() -> String {
    uuid::Uuid::new_v4().to_string().to_uppercase()
}

fn error_body(code: &str, message: &str) -> String {
    serde_json::json!({
        "RequestId": request_id(),
        "HostId": "slb.aliyuncs.com",
        "Code": code,
        "Message": message,
        "Recommend": format!("https://api.aliyun.com/troubleshoot?q={code}"),
    })
    .to_string()
}

/// Check and serve one request, recording it.
fn answer(state: &Mutex<State>, request: &HttpRequest) -> (u16, String) {
    let mut state = lock(state);
    let params = match all_params(request) {
        Ok(p) => p,
        Err(why) => {
            state.problems.push(format!("undecodable parameters: {why}"));
            return (400, error_body("InvalidParameter", &why));
        }
    };
    let path = request.target.split('?').next().unwrap_or("");
    if let Some(answer) = services::by_path(&mut state, request, path) {
        return answer;
    }
    if path != "/" {
        state.problems.push(format!("request to path {path:?}, not /"));
    }
    let outcome = serve(&mut state, &request.method, &params);
    let (status, body, code) = match outcome {
        Ok(body) => (200, body, None),
        Err((status, code, message)) => (status, error_body(code, &message), Some(code.to_owned())),
    };
    let body_params = body_names(request);
    state.requests.push(Recorded {
        method: request.method.clone(),
        params,
        body: body_params,
        error_code: code,
    });
    (status, body)
}

type Failure = (u16, &'static str, String);

fn missing(name: &str) -> Failure {
    (
        400,
        "MissingParameter",
        format!(
            "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
        ),
    )
}

fn serve(state: &mut State, method: &str, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    if method != "POST" && method != "GET" {
        return Err((400, "InvalidParameter", format!("unexpected method {method}")));
    }
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    if get("Version") == Some(services::STS_VERSION) {
        return services::sts(state, method, params);
    }
    for (version, family) in [(server_groups::ALB_VERSION, "alb"), (server_groups::NLB_VERSION, "nlb")] {
        if get("Version") == Some(version) {
            authenticate(state, method, params, version)?;
            return server_groups::serve(state, family, params);
        }
    }
    authenticate(state, method, params, "2014-05-15")?;
    let action = get("Action").unwrap_or("");
    let changes = matches!(
        action,
        "RemoveBackendServers"
            | "AddBackendServers"
            | "SetBackendServers"
            | "AddVServerGroupBackendServers"
            | "RemoveVServerGroupBackendServers"
            | "SetVServerGroupAttribute"
    );
    // A load balancer is "configuring" for a while after each change; another change
    // then is refused with the busy code, as the real service does.
    let lb = match get("VServerGroupId") {
        Some(group) => groups::lb_of(state, group),
        None => get("LoadBalancerId").map(str::to_owned),
    };
    if let (true, Some(lb)) = (changes, &lb) {
        if state.configuring.get(lb).is_some_and(|until| std::time::Instant::now() < *until) {
            return Err(if action.contains("VServerGroup") {
                (
                    400,
                    "VServerGroupProcessing",
                    "The specified VServerGroup is processing, please try again later.".into(),
                )
            } else {
                (
                    400,
                    "ServiceIsConfiguring",
                    "The specified service is configuring, please try again later.".into(),
                )
            });
        }
    }
    let answer = dispatch(state, params);
    if let (true, Some(lb), Ok(_)) = (changes, lb, &answer) {
        let window = state.configuring_window;
        if !window.is_zero() {
            state.configuring.insert(lb, std::time::Instant::now() + window);
        }
    }
    answer
}

fn dispatch(state: &mut State, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    match get("Action") {
        Some("RemoveBackendServers") => remove_backend_servers(state, params),
        Some("AddBackendServers") => add_backend_servers(state, params),
        Some("SetBackendServers") => set_backend_servers(state, params),
        Some("DescribeLoadBalancerAttribute") => describe_load_balancer_attribute(state, params),
        Some("DescribeHealthStatus") => health::describe_health_status(state, params),
        Some("DescribeLoadBalancers") => groups::describe_load_balancers(state, params),
        Some(
            action @ ("DescribeVServerGroups"
            | "DescribeVServerGroupAttribute"
            | "AddVServerGroupBackendServers"
            | "RemoveVServerGroupBackendServers"
            | "SetVServerGroupAttribute"
            | "DescribeMasterSlaveServerGroups"
            | "DescribeMasterSlaveServerGroupAttribute"),
        ) => groups::serve(state, action, params),
        _ => Err((
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.".into(),
        )),
    }
}

/// The checks of a signed call, as the service makes them: every common parameter,
/// the API version, the signature, the key (and, for temporary keys, the token and
/// its expiry), the timestamp and the nonce.
fn authenticate(
    state: &mut State,
    method: &str,
    params: &BTreeMap<String, String>,
    version: &str,
) -> Result<(), Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    for name in [
        "Action",
        "Version",
        "AccessKeyId",
        "Signature",
        "SignatureMethod",
        "SignatureVersion",
        "SignatureNonce",
        "Timestamp",
    ] {
        get(name).ok_or_else(|| missing(name))?;
    }
    if get("Version") != Some(version) {
        return Err((400, "InvalidVersion", "Specified parameter Version is not valid.".into()));
    }
    if get("SignatureMethod") != Some("HMAC-SHA1") || get("SignatureVersion") != Some("1.0") {
        return Err((400, "InvalidSignatureMethod", "Specified signature method is not supported.".into()));
    }
    if let Some(format) = get("Format") {
        if !format.eq_ignore_ascii_case("JSON") && !format.eq_ignore_ascii_case("XML") {
            return Err((400, "InvalidParameter.Format", "Specified parameter Format is not valid.".into()));
        }
    }
    let timestamp =
        chrono::NaiveDateTime::parse_from_str(get("Timestamp").unwrap_or(""), "%Y-%m-%dT%H:%M:%SZ").map_err(
            |_| {
                (
                    400,
                    "InvalidTimeStamp.Format",
                    "Specified time stamp or date value is not well formatted.".to_owned(),
                )
            },
        )?;
    let skew = (chrono::Utc::now().naive_utc() - timestamp).num_seconds().abs();
    if skew > MAX_CLOCK_SKEW_SECS {
        return Err((
            400,
            "InvalidTimeStamp.Expired",
            "Specified time stamp or date value is expired.".into(),
        ));
    }
    let key_id = get("AccessKeyId").unwrap_or("");
    let Some((secret, token)) = state.keys.get(key_id).cloned() else {
        return Err((404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.".into()));
    };
    let (expected, string_to_sign) = expected_signature(method, params, &secret);
    if get("Signature") != Some(expected.as_str()) {
        return Err((
            400,
            "SignatureDoesNotMatch",
            format!(
                "Specified signature is not matched with our calculation. server string to sign is:{string_to_sign}"
            ),
        ));
    }
    match (&token, get("SecurityToken")) {
        (Some(want), Some(got)) if want == got => {}
        (Some(_), Some(_)) => {
            return Err((
                400,
                "InvalidSecurityToken.Mismatch",
                "Specified SecurityToken mismatch with the AccessKey.".into(),
            ));
        }
        (Some(_), None) => return Err(missing("SecurityToken")),
        (None, Some(_)) => {
            return Err((
                400,
                "InvalidSecurityToken.Malformed",
                "Specified SecurityToken is malformed.".into(),
            ));
        }
        (None, None) => {}
    }
    if state.services.expiry.get(key_id).is_some_and(|e| *e <= chrono::Utc::now()) {
        return Err((400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.".into()));
    }
    let nonce = get("SignatureNonce").unwrap_or("").to_owned();
    if !state.nonces.insert(nonce) {
        return Err((400, "SignatureNonceUsed", "Specified signature nonce was used already.".into()));
    }
    Ok(())
}

/// The load balancer a call names, checked against its region as the service does.
fn load_balancer<'a>(
    state: &'a mut State,
    params: &BTreeMap<String, String>,
) -> Result<(String, &'a mut LoadBalancer), Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let region = get("RegionId").ok_or_else(|| missing("RegionId"))?.to_owned();
    let lb_id = get("LoadBalancerId").ok_or_else(|| missing("LoadBalancerId"))?.to_owned();
    let lb = state.lbs.get_mut(&lb_id).filter(|lb| lb.region == region).ok_or_else(|| {
        (404, "InvalidLoadBalancerId.NotFound", "The specified LoadBalancerId does not exist.".to_owned())
    })?;
    Ok((lb_id, lb))
}

/// A parsed `BackendServers` item.
struct Item {
    server_id: String,
    server_type: Option<String>,
    weight: Option<u32>,
    port: Option<u16>,
    server_ip: Option<String>,
}

fn backend_servers(params: &BTreeMap<String, String>) -> Result<Vec<Item>, Failure> {
    let json =
        params.get("BackendServers").filter(|v| !v.is_empty()).ok_or_else(|| missing("BackendServers"))?;
    let invalid = |why: &str| {
        (400, "InvalidParameter", format!("The specified parameter BackendServers is not valid: {why}"))
    };
    let servers: Vec<serde_json::Value> =
        serde_json::from_str(json).map_err(|e| invalid(&format!("not a JSON array ({e})")))?;
    if servers.len() > 20 {
        return Err((
            400,
            "TooManyBackendServers",
            "The total number of input real servers exceeds max supported number: 20".into(),
        ));
    }
    if servers.is_empty() {
        return Err(invalid("between 1 and 20 servers are allowed"));
    }
    let mut items = Vec::new();
    for server in &servers {
        let server_id =
            server.get("ServerId").and_then(|v| v.as_str()).ok_or_else(|| invalid("ServerId missing"))?;
        let server_type = match server.get("Type") {
            None => None,
            Some(t) => match t.as_str() {
                Some(t @ ("ecs" | "eni" | "eci")) => Some(t.to_owned()),
                _ => return Err(invalid("Type must be ecs, eni or eci")),
            },
        };
        let weight = match server.get("Weight") {
            None => None,
            Some(w) => {
                let n = w.as_u64().or_else(|| w.as_str().and_then(|s| s.parse().ok()));
                match n {
                    Some(n) if n <= 100 => Some(n as u32),
                    _ => return Err(invalid("Weight must be 0 to 100")),
                }
            }
        };
        let port = match server.get("Port") {
            None => None,
            Some(p) => match p.as_u64().or_else(|| p.as_str().and_then(|s| s.parse().ok())) {
                Some(p @ 1..=65535) => Some(p as u16),
                _ => {
                    return Err((
                        400,
                        "InvalidParameter",
                        "The specified BackendServers is invalid, as the Port value should be in [1, 65535]."
                            .into(),
                    ));
                }
            },
        };
        let server_ip = server.get("ServerIp").and_then(|v| v.as_str()).map(str::to_owned);
        items.push(Item { server_id: server_id.to_owned(), server_type, weight, port, server_ip });
    }
    Ok(items)
}

fn backends_answer(lb_id: &str, lb: &LoadBalancer, extra: serde_json::Value) -> String {
    let backends: Vec<serde_json::Value> = lb
        .backends
        .iter()
        .map(|b| {
            serde_json::json!({
                "ServerId": b.server_id,
                "Type": b.server_type,
                "Weight": b.weight,
                "Description": b.description,
            })
        })
        .collect();
    let mut answer = serde_json::json!({
        "RequestId": request_id(),
        "LoadBalancerId": lb_id,
        "BackendServers": {"BackendServer": backends},
    });
    if let (Some(answer), Some(extra)) = (answer.as_object_mut(), extra.as_object()) {
        answer.extend(extra.clone());
    }
    answer.to_string()
}

fn remove_backend_servers(state: &mut State, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let items = backend_servers(params)?;
    let lag = state.health.describe_lag;
    let (lb_id, lb) = load_balancer(state, params)?;
    // Ids that are not members are ignored, as the real service does.
    let (gone, kept): (Vec<Backend>, Vec<Backend>) =
        lb.backends.drain(..).partition(|b| items.iter().any(|i| i.server_id == b.server_id));
    lb.backends = kept;
    if lag > 0 {
        lb.ghosts.extend(gone.into_iter().map(|b| (b, lag)));
    }
    Ok(backends_answer(&lb_id, lb, serde_json::json!({})))
}

fn add_backend_servers(state: &mut State, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let items = backend_servers(params)?;
    health::on_added(state, params, &items);
    let (lb_id, lb) = load_balancer(state, params)?;
    for item in items {
        let weight = item.weight.unwrap_or(100);
        lb.ghosts.retain(|(g, _)| g.server_id != item.server_id);
        match lb.backends.iter_mut().find(|b| b.server_id == item.server_id) {
            Some(existing) => existing.weight = weight,
            None => lb.backends.push(Backend {
                server_type: item.server_type.unwrap_or_else(|| infer_type(&item.server_id).to_owned()),
                server_id: item.server_id,
                weight,
                description: String::new(),
            }),
        }
    }
    Ok(backends_answer(&lb_id, lb, serde_json::json!({})))
}

fn set_backend_servers(state: &mut State, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let items = backend_servers(params)?;
    let (lb_id, lb) = load_balancer(state, params)?;
    if let Some(stranger) = items.iter().find(|i| !lb.backends.iter().any(|b| b.server_id == i.server_id)) {
        return Err((
            400,
            "InvalidParameter",
            format!("The backend server {} is not attached to the load balancer.", stranger.server_id),
        ));
    }
    for item in items {
        if let (Some(backend), Some(weight)) =
            (lb.backends.iter_mut().find(|b| b.server_id == item.server_id), item.weight)
        {
            backend.weight = weight;
        }
    }
    Ok(backends_answer(&lb_id, lb, serde_json::json!({})))
}

fn describe_load_balancer_attribute(
    state: &mut State,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let listeners =
        groups::listener_list(state, params.get("LoadBalancerId").map(String::as_str).unwrap_or(""));
    let (lb_id, lb) = load_balancer(state, params)?;
    // Describes catch up with removals only after a while, when told to (lag).
    let ghosts: Vec<Backend> = lb.ghosts.iter().map(|(b, _)| b.clone()).collect();
    lb.ghosts.iter_mut().for_each(|(_, left)| *left -= 1);
    lb.ghosts.retain(|(_, left)| *left > 0);
    let mut shown =
        LoadBalancer { region: lb.region.clone(), backends: lb.backends.clone(), ghosts: Vec::new() };
    shown.backends.extend(ghosts);
    let lb = &shown;
    let extra = serde_json::json!({
        "LoadBalancerName": format!("{lb_id}-name"),
        "LoadBalancerStatus": "active",
        "RegionId": lb.region,
        "Address": "192.0.2.10",
        "AddressType": "internet",
        "ListenerPorts": {"ListenerPort": [80, 443]},
        "ListenerPortsAndProtocol": {"ListenerPortAndProtocol": listeners},
    });
    Ok(backends_answer(&lb_id, lb, extra))
}
