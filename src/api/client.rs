//! One signed call to an RPC API: HTTP with the transport's roots, proxy and timeouts,
//! retries by the policy in `retry`, and reading the answer (success body, API error,
//! or something unreadable).

use std::io::Read;
use std::time::{Duration, Instant};

use chrono::Utc;
use reqwest::Url;

use super::request::{AccessKey, sign_request_with_form};
use super::{Product, retry};
use crate::error::{ApiError, Error, Result};
use crate::secret::mask_access_key_id;
use crate::text::sanitize;

/// Answers larger than this are refused; reading stops there, so memory stays bounded.
pub const MAX_BODY_BYTES: u64 = 16 * 1024 * 1024;

/// Timeouts and retries of a call.
#[derive(Debug, Clone, Copy)]
pub struct CallPolicy {
    /// Time to set up the connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Time for one whole attempt, connection included.
    pub timeout: Duration,
    /// Attempts after the first; 0 disables retrying.
    pub retries: u32,
    /// How long "busy" and throttling answers are waited out (see
    /// `Product::busy_codes`); zero leaves them to `retries`.
    pub busy_timeout: Duration,
    /// One second of a throttling wait (1 s; shorter only under the tests' wait hook).
    pub throttle_unit: Duration,
}

/// How requests reach the endpoint: extra trusted roots and an explicit proxy.
#[derive(Default)]
pub struct Transport {
    /// CA certificates trusted in addition to the built-in (Mozilla) roots.
    pub extra_roots: Vec<reqwest::Certificate>,
    /// The proxy to go through, if any (see `proxy::for_endpoint`).
    pub proxy: Option<Url>,
}

/// A PEM bundle of extra trusted CA certificates, and where its path came from.
#[derive(Debug, Clone)]
pub struct CaBundle {
    pub path: std::path::PathBuf,
    /// Where the path was given, for error messages (`flag --ca-bundle`, …).
    pub source: String,
}

impl Transport {
    /// The transport to `endpoint`: the CA bundle's certificates (read only for https;
    /// plain http is loopback-only and needs none) and the proxy the environment names
    /// for it.
    pub fn for_endpoint(
        endpoint: &Url,
        ca_bundle: Option<&CaBundle>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Transport> {
        let extra_roots = match ca_bundle {
            Some(bundle) if endpoint.scheme() == "https" => bundle.certificates()?,
            _ => Vec::new(),
        };
        let proxy = super::proxy::for_endpoint(endpoint, env)?.map(|(url, _)| url);
        Ok(Transport { extra_roots, proxy })
    }
}

impl CaBundle {
    fn certificates(&self) -> Result<Vec<reqwest::Certificate>> {
        let path = &self.path;
        let pem = std::fs::read(path).map_err(|e| {
            Error::config(format!(
                "cannot read the CA bundle {} ({}): {}",
                path.display(),
                self.source,
                e.kind()
            ))
        })?;
        let roots = reqwest::Certificate::from_pem_bundle(&pem).unwrap_or_default();
        if roots.is_empty() {
            return Err(Error::config(format!(
                "the CA bundle {} ({}) holds no PEM certificate",
                path.display(),
                self.source
            )));
        }
        crate::verbose!("trusting {} extra CA certificate(s) from {}", roots.len(), path.display());
        Ok(roots)
    }
}

/// What a call is signed with, asked before every attempt: static keys never change,
/// temporary ones are refreshed when about to expire (the credentials layer decides).
pub trait KeySource: Send + Sync {
    /// The key to sign the next attempt with.
    fn current(&self) -> Result<AccessKey>;
    /// The service refused the key as expired or invalid: drop whatever was cached and
    /// fetch fresh credentials. `Ok(false)` when nothing fresher can be had (a static
    /// key, or credentials fetched during this run), so the refusal stands.
    fn renew_after_rejection(&self) -> Result<bool>;
}

/// A key that is what it is: from the environment or a profile.
pub struct StaticKey(pub AccessKey);

impl KeySource for StaticKey {
    fn current(&self) -> Result<AccessKey> {
        Ok(self.0.clone())
    }

    fn renew_after_rejection(&self) -> Result<bool> {
        Ok(false)
    }
}

/// API error codes that mean "these credentials are not (or no longer) valid", where
/// fresh temporary credentials may succeed.
fn is_credential_rejection(error: &Error) -> bool {
    let code = match error {
        Error::Api(api) => api.code.as_str(),
        _ => return false,
    };
    code.starts_with("InvalidSecurityToken")
        || code == "InvalidAccessKeyId.NotFound"
        || code == "InvalidAccessKeyId.Inactive"
}

/// What one attempt produced, with what the retry decision needs.
struct Attempt<T> {
    result: Result<T>,
    status: Option<u16>,
    retry_after: Option<Duration>,
}

/// A successful answer kept as the bytes that came, not parsed into a tree: a batch's
/// answers each list the whole group, and all but the last are only checked.
pub struct RawAnswer {
    pub body: Vec<u8>,
    pub request_id: String,
}

impl RawAnswer {
    /// The answer as JSON (it was checked to be a JSON object when it came).
    pub fn json(&self) -> Result<serde_json::Value> {
        serde_json::from_slice(&self.body)
            .map_err(|e| Error::Response(format!("the answer is not JSON ({e})")))
    }
}

/// What the verbose line of a successful attempt (and the audit log) names.
trait Answer {
    fn request_id(&self) -> &str;
    /// The job an ALB/NLB change started.
    fn job_id(&self) -> Option<String>;
}

impl Answer for serde_json::Value {
    fn request_id(&self) -> &str {
        self.get("RequestId").and_then(|v| v.as_str()).unwrap_or("-")
    }

    fn job_id(&self) -> Option<String> {
        self.get("JobId").and_then(|v| v.as_str()).map(str::to_owned)
    }
}

impl Answer for RawAnswer {
    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn job_id(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Job {
            #[serde(rename = "JobId")]
            job_id: Option<String>,
        }
        serde_json::from_slice::<Job>(&self.body).ok().and_then(|j| j.job_id)
    }
}

/// How a status and body become an answer (or an error).
type Interpret<T> = fn(&Client, u16, Vec<u8>) -> Result<T>;

/// How a call is authenticated.
enum Signing {
    /// Signature v1 with a key asked for before each attempt.
    Key(Box<dyn KeySource>),
    /// No key and no signature (STS `AssumeRoleWithOIDC`).
    Anonymous,
}

/// Sends calls to one product's endpoint.
pub struct Client {
    http: reqwest::blocking::Client,
    endpoint: Url,
    api_version: &'static str,
    signing: Signing,
    retries: u32,
    busy_timeout: Duration,
    throttle_unit: Duration,
    busy_codes: &'static [&'static str],
    /// The answers carry secrets (STS): never quote an unreadable one in an error.
    sensitive: bool,
    /// Where the key came from (`environment variable …`, `profile "prod" in …`), named
    /// when the service refuses the key, so a wrong key can be found.
    key_origin: Option<String>,
    /// The product's code (`slb`, `alb`, `nlb`), as the audit log names it.
    product_code: &'static str,
    /// Where change calls are recorded, if anywhere.
    audit: Option<std::sync::Arc<super::audit::AuditLog>>,
    /// Hand busy answers back at once instead of waiting them out inside each call: set
    /// only while [`Client::rechecking_when_busy`] runs, which waits them out itself.
    busy_returned: std::sync::atomic::AtomicBool,
}

/// The reqwest client every call goes through: the transport's proxy and extra roots,
/// the policy's timeouts, no redirects.
fn http_client(https: bool, policy: CallPolicy, transport: Transport) -> Result<reqwest::blocking::Client> {
    let setup_error = |e: reqwest::Error| {
        Error::Other(anyhow::anyhow!("cannot set up the HTTP client: {}", error_chain(&e)))
    };
    // The proxy is chosen explicitly (so -v can name it); reqwest's own detection is off.
    let mut builder = reqwest::blocking::Client::builder().no_proxy();
    if let Some(proxy) = transport.proxy {
        builder = builder.proxy(reqwest::Proxy::all(proxy).map_err(setup_error)?);
    }
    // Loading the platform's certificate store costs about 4 ms, more than a loopback
    // request: plain http (loopback only) needs no roots at all, and a CA bundle named
    // by the user (--ca-bundle, SLBCTL_CA_BUNDLE, SSL_CERT_FILE) replaces the platform
    // store: its certificates and the compiled-in Mozilla roots are trusted.
    if !https {
        builder = builder.tls_built_in_root_certs(false);
    } else if !transport.extra_roots.is_empty() {
        builder = builder.tls_built_in_native_certs(false);
    }
    for root in transport.extra_roots {
        builder = builder.add_root_certificate(root);
    }
    builder
        .user_agent(concat!("slbctl/", env!("CARGO_PKG_VERSION")))
        .connect_timeout(policy.connect_timeout)
        .timeout(policy.timeout)
        // Requests are small and answered one at a time: send each at once.
        .tcp_nodelay(true)
        // Calls go one after another, so one kept-alive connection serves them all. More
        // idle ones only happen when the next call starts before the last connection is
        // back in the pool (a busy machine), and each keeps a read buffer as large as
        // the largest answer: keeping at most one bounds memory in long batches.
        .pool_max_idle_per_host(1)
        // Signed requests are for one host; never follow a redirect elsewhere.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(setup_error)
}

impl Client {
    pub fn new(
        endpoint: Url,
        product: &Product,
        key: Box<dyn KeySource>,
        policy: CallPolicy,
        transport: Transport,
    ) -> Result<Self> {
        Self::with_signing(endpoint, product, Signing::Key(key), policy, transport)
    }

    /// A client for calls that carry no key and no signature.
    pub fn anonymous(
        endpoint: Url,
        product: &Product,
        policy: CallPolicy,
        transport: Transport,
    ) -> Result<Self> {
        Self::with_signing(endpoint, product, Signing::Anonymous, policy, transport)
    }

    fn with_signing(
        endpoint: Url,
        product: &Product,
        signing: Signing,
        policy: CallPolicy,
        transport: Transport,
    ) -> Result<Self> {
        let http = http_client(endpoint.scheme() == "https", policy, transport)?;
        Ok(Client {
            http,
            endpoint,
            api_version: product.api_version,
            signing,
            retries: policy.retries,
            busy_timeout: policy.busy_timeout,
            throttle_unit: policy.throttle_unit,
            busy_codes: product.busy_codes,
            sensitive: false,
            key_origin: None,
            product_code: product.code,
            audit: None,
            busy_returned: std::sync::atomic::AtomicBool::new(false),
        })
    }

    /// Run `attempt`, whose calls go through this client, waiting out busy answers here
    /// rather than inside each call: a busy answer ends the attempt, is waited out
    /// (jittered, within `--busy-timeout`), and `attempt` runs again from its start, so
    /// that it checks again whatever must hold right before its change (`what`, for
    /// `-v`: "the guards"). With `--busy-timeout 0` a busy answer is returned as it is.
    /// Meant for one thread's use of the client at a time.
    pub fn rechecking_when_busy<T>(&self, what: &str, attempt: &mut dyn FnMut() -> Result<T>) -> Result<T> {
        use std::sync::atomic::Ordering;
        self.busy_returned.store(true, Ordering::Relaxed);
        let started = Instant::now();
        let mut waits = 0;
        let result = loop {
            match attempt() {
                Err(e) if retry::is_busy(e.last(), self.busy_codes) => {
                    waits += 1;
                    let wait = retry::busy_delay(waits, retry::random_unit());
                    if self.busy_timeout.is_zero() || started.elapsed() + wait > self.busy_timeout {
                        break Err(e);
                    }
                    crate::verbose!("busy: checking {what} again in {} ms", wait.as_millis());
                    std::thread::sleep(wait);
                }
                other => break other,
            }
        };
        self.busy_returned.store(false, Ordering::Relaxed);
        result
    }

    /// Record every change call in this audit log.
    pub fn with_audit(mut self, log: Option<std::sync::Arc<super::audit::AuditLog>>) -> Self {
        self.audit = log;
        self
    }

    /// Run one call, recording it in the audit log when it is a change: a `sent` line
    /// first (refused, and nothing sent, when the log cannot take it), a `result` line
    /// after. `run` counts its attempts in the cell it is given; `last_token` says the
    /// `ClientToken` the last attempt carried (None: the one of `params`).
    fn audited<T: Answer>(
        &self,
        params: Vec<(&str, &str)>,
        run: &dyn Fn(&std::cell::Cell<u32>) -> Result<T>,
        last_token: &dyn Fn() -> Option<String>,
    ) -> Result<T> {
        let attempts = std::cell::Cell::new(0);
        let action = params.iter().find(|(k, _)| *k == "Action").map_or("", |(_, v)| *v);
        let Some(log) = self.audit.as_ref().filter(|_| super::audit::is_change(action)) else {
            return run(&attempts);
        };
        let key_id = match &self.signing {
            Signing::Key(source) => source.current().map(|k| k.id).unwrap_or_default(),
            Signing::Anonymous => String::new(),
        };
        let region = params.iter().find(|(k, _)| *k == "RegionId").map_or("", |(_, v)| *v).to_owned();
        let change = super::audit::Change {
            product: self.product_code,
            region: &region,
            access_key_id: &key_id,
            params,
        };
        log.sent(&change)?;
        let result = run(&attempts);
        let code = match &result {
            Ok(_) => "ok".to_owned(),
            Err(e) => e.api().map_or_else(|| e.kind().to_owned(), |a| a.code.clone()),
        };
        let (request_id, job_id) = match &result {
            Ok(answer) => (Some(answer.request_id().to_owned()), answer.job_id()),
            Err(e) => (e.api().and_then(|a| a.request_id.clone()), None),
        };
        let token = last_token();
        let outcome = super::audit::Outcome {
            attempts: attempts.get(),
            request_id: request_id.as_deref(),
            job_id: job_id.as_deref(),
            outcome: &code,
            client_token: token.as_deref(),
        };
        log.result(&change, &outcome);
        result
    }

    /// Name where the key came from when the service refuses it.
    pub fn with_key_origin(mut self, origin: String) -> Self {
        self.key_origin = Some(origin);
        self
    }

    /// The answers hold secrets (temporary credentials): an answer that cannot be read
    /// is reported without an excerpt.
    pub fn with_sensitive_answers(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Send one call, retrying what is safe to retry. Every attempt is signed afresh
    /// (new nonce, new timestamp): the service refuses a reused nonce. Credentials that
    /// the service refuses as expired or invalid are renewed once, if they can be.
    pub fn call(&self, action_params: &[(&'static str, String)]) -> Result<serde_json::Value> {
        self.call_as(action_params, Client::interpret)
    }

    /// [`Client::call`], keeping a successful answer as its bytes.
    pub fn call_raw(&self, action_params: &[(&'static str, String)]) -> Result<RawAnswer> {
        self.call_as(action_params, |_, status, body| interpret_raw(status, body))
    }

    fn call_as<T: Answer>(
        &self,
        action_params: &[(&'static str, String)],
        interpret: Interpret<T>,
    ) -> Result<T> {
        let params: Vec<(&str, &str)> = action_params.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.audited(
            params,
            &|attempts| {
                let once = || {
                    attempts.set(attempts.get() + 1);
                    self.attempt(action_params, &[], interpret)
                };
                self.renewing_credentials(&|| self.with_retries(&once, &|_| {}))
            },
            &|| None,
        )
    }

    /// Send one call whose parameters are split between the query and the form body
    /// (ALB/NLB reads and changes), keeping a successful answer as its bytes.
    ///
    /// Idempotency: a parameter named `ClientToken` (in either place) is kept across
    /// attempts after a transport failure, a 5xx or a busy code in `token_kept_for` (the
    /// same token still being processed), so a retry after a lost answer is not applied
    /// twice; after a definite refusal (any other busy code: nothing was applied) the
    /// next attempt gets a fresh token, so the service cannot answer it with the refusal
    /// it stored for the old one.
    pub fn call_with_body(
        &self,
        query: &[(String, String)],
        form: &[(String, String)],
        token_kept_for: &'static [&'static str],
    ) -> Result<RawAnswer> {
        let parts = std::cell::RefCell::new((query.to_vec(), form.to_vec()));
        let refused = |error: &Error| {
            let code = match error {
                Error::Api(api) => api.code.as_str(),
                _ => return,
            };
            if token_kept_for.iter().any(|kept| kept.eq_ignore_ascii_case(code)) {
                return;
            }
            let fresh = uuid::Uuid::new_v4().to_string();
            let (query, form) = &mut *parts.borrow_mut();
            for (_, value) in query.iter_mut().filter(|(name, _)| *name == "ClientToken") {
                value.clone_from(&fresh);
            }
            for (_, value) in form.iter_mut().filter(|(name, _)| name == "ClientToken") {
                value.clone_from(&fresh);
            }
        };
        let params: Vec<(&str, &str)> =
            query.iter().chain(form.iter()).map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let last_token = || {
            let (query, form) = &*parts.borrow();
            query.iter().chain(form.iter()).find(|(name, _)| name == "ClientToken").map(|(_, v)| v.clone())
        };
        self.audited(
            params,
            &|attempts| {
                let once = || {
                    attempts.set(attempts.get() + 1);
                    let (query, form) = &*parts.borrow();
                    self.attempt(query, form, |_, status, body| interpret_raw(status, body))
                };
                self.renewing_credentials(&|| self.with_retries(&once, &refused))
            },
            &last_token,
        )
    }

    /// Run `call`; if the service refused the credentials as expired or invalid and
    /// fresher ones can be had, once more with those.
    fn renewing_credentials<T>(&self, call: &dyn Fn() -> Result<T>) -> Result<T> {
        match call() {
            Err(error) if is_credential_rejection(error.last()) => match &self.signing {
                Signing::Key(source) if source.renew_after_rejection()? => {
                    crate::verbose!("credentials refused ({error}); retrying once with fresh ones");
                    call()
                }
                _ => Err(error),
            },
            other => other,
        }
    }

    /// Wait out busy answers for at least this long (ALB/NLB: a server group's
    /// connection-drain timeout plus a margin, since its jobs last as long). Nothing
    /// changes with `--busy-timeout 0`, which leaves busy answers to `--retries`.
    pub fn wait_out_busy_for_at_least(&mut self, at_least: Duration) {
        if !self.busy_timeout.is_zero() {
            self.busy_timeout = self.busy_timeout.max(at_least);
        }
    }

    /// Send one unsigned call as a POST with `form` in an
    /// `application/x-www-form-urlencoded` body (large values such as an OIDC token do
    /// not belong in a URL) and the action's parameters in the query.
    pub fn call_with_form(
        &self,
        action_params: &[(&'static str, String)],
        form: &[(&'static str, String)],
    ) -> Result<serde_json::Value> {
        let form: Vec<(String, String)> = form.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        self.with_retries(&|| self.attempt(action_params, &form, Client::interpret), &|_| {})
    }

    fn interpret(&self, status: u16, body: Vec<u8>) -> Result<serde_json::Value> {
        if self.sensitive {
            interpret_sensitive_answer(status, &body)
        } else {
            interpret_answer(status, &body)
        }
    }

    /// Attempts until one succeeds or the policy gives up; `refused` hears of every busy
    /// answer before the wait that follows it.
    fn with_retries<T: Answer>(
        &self,
        attempt_once: &dyn Fn() -> Attempt<T>,
        refused: &dyn Fn(&Error),
    ) -> Result<T> {
        let max_attempts = self.retries.saturating_add(1);
        let mut attempt = 1;
        let mut busy_since: Option<Instant> = None;
        let mut busy_waits = 0;
        let mut maybe_sent = false;
        loop {
            let started = Instant::now();
            let outcome = attempt_once();
            let elapsed_ms = started.elapsed().as_millis();
            let error = match outcome.result {
                Ok(value) => {
                    let request_id = value.request_id();
                    crate::verbose!(
                        "attempt {attempt}: HTTP {} in {elapsed_ms} ms, RequestId {}",
                        outcome.status.unwrap_or(0),
                        sanitize(request_id, 80)
                    );
                    return Ok(value);
                }
                Err(error) => error,
            };
            // Once an attempt may have reached the service, the call's outcome stays
            // "maybe applied", whatever the later attempts say.
            if matches!(error, Error::Network { maybe_sent: true, .. }) {
                maybe_sent = true;
            }
            let error = match error {
                Error::Network { message, retryable, .. } if maybe_sent => {
                    Error::Network { message, retryable, maybe_sent }
                }
                other => other,
            };
            let status = outcome.status.map_or_else(|| "no answer".to_owned(), |s| format!("HTTP {s}"));
            crate::verbose!("attempt {attempt}: {status} in {elapsed_ms} ms: {error}");
            if self.busy_returned.load(std::sync::atomic::Ordering::Relaxed)
                && retry::is_busy(&error, self.busy_codes)
            {
                return Err(error);
            }
            let throttled = retry::is_throttling(&error);
            if (throttled || retry::is_busy(&error, self.busy_codes)) && !self.busy_timeout.is_zero() {
                // Another change is being applied, or the account's flow control says
                // slow down: wait it out within the busy budget, without spending a
                // retry (throttling: full jitter over 1 s·2ⁿ, or what the service asks).
                let since = *busy_since.get_or_insert_with(Instant::now);
                let wait = if throttled {
                    // What the service asks is real time; the computed wait is in units
                    // of a second (shorter only under the tests' wait hook).
                    match outcome.retry_after {
                        Some(asked) => asked.min(retry::MAX_DELAY),
                        None => retry::throttle_delay(busy_waits + 1, retry::random_unit(), None)
                            .mul_f64(self.throttle_unit.as_secs_f64()),
                    }
                } else {
                    retry::busy_delay(busy_waits + 1, retry::random_unit())
                };
                if since.elapsed() + wait > self.busy_timeout {
                    return Err(Error::GaveUp { attempts: attempt + busy_waits, last: Box::new(error) });
                }
                busy_waits += 1;
                refused(&error);
                let left = self.busy_timeout.saturating_sub(since.elapsed()).as_secs();
                crate::verbose!("busy: waiting {} ms ({left} s of --busy-timeout left)", wait.as_millis());
                std::thread::sleep(wait);
                continue;
            }
            if !retry::is_retryable(&error, outcome.status, self.busy_codes) {
                return Err(error);
            }
            if attempt >= max_attempts {
                return Err(if max_attempts > 1 {
                    Error::GaveUp { attempts: attempt, last: Box::new(error) }
                } else {
                    error
                });
            }
            let wait = retry::delay(attempt, retry::random_unit(), outcome.retry_after);
            crate::verbose!("retrying in {} ms", wait.as_millis());
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn attempt<T, Q: AsRef<str>>(
        &self,
        action_params: &[(Q, String)],
        form: &[(String, String)],
        interpret: Interpret<T>,
    ) -> Attempt<T> {
        let failed = |error| Attempt { result: Err(error), status: None, retry_after: None };
        let key = match &self.signing {
            Signing::Key(source) => match source.current() {
                Ok(key) => Some(key),
                // Credentials could not be had (an STS refresh failed): not this call's
                // network, so not retried here; the provider retried what it could.
                Err(error) => return failed(error),
            },
            Signing::Anonymous => None,
        };
        let nonce = uuid::Uuid::new_v4().to_string();
        // An anonymous call (OIDC) sends its form unsigned; a signed one signs it with the query.
        let signed_form: &[(String, String)] = if key.is_some() { form } else { &[] };
        let request = sign_request_with_form(
            &self.endpoint,
            self.api_version,
            (action_params, signed_form),
            key.as_ref(),
            Utc::now(),
            &nonce,
        );
        let mut builder = self.http.post(request.url()).header(reqwest::header::ACCEPT, "application/json");
        if !form.is_empty() {
            let body = super::sign::canonical_query(form.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            builder =
                builder.header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(body);
        }
        let response = match builder.send() {
            Ok(response) => response,
            Err(e) => return failed(network_error(&self.endpoint, e)),
        };
        let status = response.status().as_u16();
        // `x-acs-retry-after` (milliseconds, the official SDKs' header), else the
        // standard `Retry-After` (seconds).
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let retry_after = header("x-acs-retry-after")
            .map(Duration::from_millis)
            .or_else(|| header("retry-after").map(Duration::from_secs));
        let result = match read_body(response) {
            Ok(body) => interpret(self, status, body),
            Err(e) => Err(read_failure(&self.endpoint, &e)),
        };
        let result = match (result, &key) {
            (Err(error), Some(key)) => Err(self.name_key_origin(mask_key_id(error, &key.id), &key.id)),
            (other, _) => other,
        };
        Attempt { result, status: Some(status), retry_after }
    }
}

impl Client {
    /// A refused key's error names the key (masked) and where it came from.
    fn name_key_origin(&self, error: Error, id: &str) -> Error {
        match (error, &self.key_origin) {
            (Error::Api(mut api), Some(origin))
                if api.code == "SignatureDoesNotMatch" || api.code.starts_with("InvalidAccessKeyId") =>
            {
                api.message =
                    format!("{} (access key {} from {origin})", api.message, mask_access_key_id(id));
                Error::Api(api)
            }
            (other, _) => other,
        }
    }
}

/// At most [`MAX_BODY_BYTES`] + 1 bytes of an answer (one more than allowed, so that
/// an oversized answer is recognised without reading all of it).
fn read_body(response: reqwest::blocking::Response) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    response.take(MAX_BODY_BYTES + 1).read_to_end(&mut body)?;
    Ok(body)
}

/// An answer cut off while being read: a network failure, worth another attempt.
fn read_failure(url: &Url, e: &std::io::Error) -> Error {
    Error::Network {
        message: format!("reading the answer from {} failed: {}", origin(url), error_chain(e)),
        retryable: true,
        maybe_sent: true,
    }
}

/// `SignatureDoesNotMatch` echoes the server's string to sign, which contains the
/// access key id; show it masked like everywhere else.
fn mask_key_id(error: Error, id: &str) -> Error {
    match error {
        Error::Api(mut api) if !id.is_empty() => {
            api.message = api.message.replace(id, &mask_access_key_id(id));
            Error::Api(api)
        }
        other => other,
    }
}

/// `scheme://host:port` of a URL: what an error may name (a path or query may hold a
/// signature, a token or a credentials URI's secret).
fn origin(url: &Url) -> String {
    url.origin().ascii_serialization()
}

fn network_error(url: &Url, e: reqwest::Error) -> Error {
    let what = if e.is_timeout() { "timed out" } else { "failed" };
    // No connection, no request: only a failure after connecting may have been applied.
    let maybe_sent = !e.is_connect();
    let e = e.without_url(); // the URL holds the signature and any STS token
    match certificate_problem(&e) {
        Some(problem) => Error::Network {
            message: format!("the TLS certificate of {} was not accepted: {problem}", origin(url)),
            retryable: false,
            maybe_sent: false,
        },
        None => Error::Network {
            message: format!("request to {} {what}: {}", origin(url), error_chain(&e)),
            retryable: true,
            maybe_sent,
        },
    }
}

/// One plain HTTP request at a time to a non-RPC service (the ECS metadata server, a
/// credentials URI), with the same transport and retries as RPC calls. What the answer
/// means is the caller's business; its status and body are returned as they came.
pub struct Fetcher {
    http: reqwest::blocking::Client,
    retries: u32,
}

/// A plain HTTP answer.
pub struct Fetched {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Fetcher {
    pub fn new(https: bool, policy: CallPolicy, transport: Transport) -> Result<Self> {
        Ok(Fetcher { http: http_client(https, policy, transport)?, retries: policy.retries })
    }

    /// Send `method` to `url` with `headers`; network failures and 5xx answers are
    /// retried like RPC calls. A 5xx that stays a 5xx is returned for the caller to
    /// interpret; an oversized answer is an error.
    pub fn send(&self, method: reqwest::Method, url: &Url, headers: &[(&str, &str)]) -> Result<Fetched> {
        let max_attempts = self.retries.saturating_add(1);
        let mut attempt = 1;
        loop {
            let (error, answer) = match self.once(&method, url, headers) {
                Ok(fetched) if fetched.status < 500 => return Ok(fetched),
                Ok(fetched) => (
                    Error::Response(format!("{} answered HTTP {}", origin(url), fetched.status)),
                    Some(fetched),
                ),
                Err(error) => (error, None),
            };
            let retryable = answer.is_some() || matches!(error, Error::Network { retryable: true, .. });
            crate::verbose!("{method} {}: attempt {attempt}: {error}", origin(url));
            if !retryable || attempt >= max_attempts {
                return match answer {
                    Some(answer) => Ok(answer),
                    None if attempt > 1 => Err(Error::GaveUp { attempts: attempt, last: Box::new(error) }),
                    None => Err(error),
                };
            }
            std::thread::sleep(retry::delay(attempt, retry::random_unit(), None));
            attempt += 1;
        }
    }

    fn once(&self, method: &reqwest::Method, url: &Url, headers: &[(&str, &str)]) -> Result<Fetched> {
        let mut builder = self.http.request(method.clone(), url.clone());
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let response = builder.send().map_err(|e| network_error(url, e))?;
        let status = response.status().as_u16();
        let body = read_body(response).map_err(|e| read_failure(url, &e))?;
        if body.len() as u64 > MAX_BODY_BYTES {
            return Err(Error::Response(format!(
                "the answer of {} (HTTP {status}) is larger than {} MiB; refusing to read it",
                origin(url),
                MAX_BODY_BYTES / 1024 / 1024
            )));
        }
        Ok(Fetched { status, body })
    }
}

/// The certificate problem, if TLS verification is what failed: rustls's error,
/// found by type in the cause chain. No retry can fix it.
fn certificate_problem(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    use rustls::CertificateError;
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(cause) = source {
        // io::Error's source() skips the error it wraps, so look inside by hand; the
        // TLS error sits under two of them.
        let mut inner: &(dyn std::error::Error + 'static) = cause;
        while let Some(wrapped) = inner.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            inner = wrapped;
        }
        let tls = inner.downcast_ref::<rustls::Error>();
        if let Some(tls) = tls {
            return Some(match tls {
                rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                    "unknown issuer (not signed by a trusted CA)".to_owned()
                }
                rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
                ) => format!("wrong host name ({tls})"),
                rustls::Error::InvalidCertificate(
                    CertificateError::Expired | CertificateError::ExpiredContext { .. },
                ) => format!("expired ({tls})"),
                other => other.to_string(),
            });
        }
        source = cause.source();
    }
    None
}

/// An error and its causes on one line, without repeating a cause a wrapper already shows.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Turn a status and body into the JSON answer, an API error, or a response error.
pub fn interpret_answer(status: u16, body: &[u8]) -> Result<serde_json::Value> {
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(Error::Response(format!(
            "the answer (HTTP {status}) is larger than {} MiB; refusing to read it",
            MAX_BODY_BYTES / 1024 / 1024
        )));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Response(format!("the answer (HTTP {status}) has an empty body")));
    }
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Error::Response(format!("the answer (HTTP {status}) is not JSON ({e}); it starts: {}", excerpt(body)))
    })?;
    let success = (200..300).contains(&status);
    let Some(object) = value.as_object() else {
        return Err(Error::Response(format!(
            "the answer (HTTP {status}) is JSON but not an object; it starts: {}",
            excerpt(body)
        )));
    };
    let code = object.get("Code").and_then(|c| c.as_str());
    match (success, code) {
        (true, None) => Ok(value),
        (true, Some(code)) => Err(Error::Response(format!(
            "the answer has HTTP {status} but carries error code {}",
            sanitize(code, 100)
        ))),
        (false, Some(code)) => {
            let text = |key: &str| object.get(key).and_then(|v| v.as_str()).map(|s| sanitize(s, 500));
            Err(Error::Api(ApiError {
                http_status: status,
                code: sanitize(code, 100),
                message: text("Message").unwrap_or_default(),
                request_id: text("RequestId"),
            }))
        }
        (false, None) => Err(Error::Response(format!(
            "HTTP {status} without an error code; the answer starts: {}",
            excerpt(body)
        ))),
    }
}

/// [`interpret_answer`], keeping a success as its bytes. The common case, a JSON object
/// without `Code`, is checked without building a tree (fields other than `Code` and
/// `RequestId` are skipped, not allocated); anything else gets `interpret_answer`'s
/// verdict, so errors read the same.
fn interpret_raw(status: u16, body: Vec<u8>) -> Result<RawAnswer> {
    #[derive(serde::Deserialize)]
    struct Probe {
        #[serde(rename = "Code")]
        code: Option<serde::de::IgnoredAny>,
        #[serde(rename = "RequestId")]
        request_id: Option<String>,
    }
    if (200..300).contains(&status) && body.len() as u64 <= MAX_BODY_BYTES {
        if let Ok(Probe { code: None, request_id }) = serde_json::from_slice::<Probe>(&body) {
            return Ok(RawAnswer { request_id: request_id.unwrap_or_else(|| "-".to_owned()), body });
        }
    }
    let value = interpret_answer(status, &body)?;
    Ok(RawAnswer { request_id: value.request_id().to_owned(), body })
}

/// [`interpret_answer`] for answers that carry secrets: the same verdicts, but an
/// answer that cannot be read is described without quoting any of it.
pub fn interpret_sensitive_answer(status: u16, body: &[u8]) -> Result<serde_json::Value> {
    interpret_answer(status, body).map_err(|error| match error {
        Error::Response(message) => Error::Response(
            match message.split_once("; it starts:").or_else(|| message.split_once("; the answer starts:")) {
                Some((before, _)) => format!("{before} (its content is not shown: it may hold credentials)"),
                None => message,
            },
        ),
        other => other,
    })
}

/// A short, printable start of a body for error messages.
fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(200)];
    format!("{:?}", sanitize(&String::from_utf8_lossy(head), 120))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn api_error_body_becomes_an_api_error() {
        let body = br#"{"RequestId":"R1","HostId":"slb.aliyuncs.com","Code":"InvalidLoadBalancerId.NotFound","Message":"The specified LoadBalancerId does not exist."}"#;
        match interpret_answer(404, body).unwrap_err() {
            Error::Api(api) => {
                assert_eq!(api.code, "InvalidLoadBalancerId.NotFound");
                assert_eq!(api.request_id.as_deref(), Some("R1"));
                assert_eq!(api.http_status, 404);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unreadable_answers_are_response_errors() {
        let cases: [(u16, &[u8]); 7] = [
            (200, b""),
            (200, b"<html><body>proxy</body></html>"),
            (200, br#"{"RequestId":"#),
            (200, b"[1,2]"),
            (200, br#"{"Code":"Throttling","Message":"x"}"#),
            (502, b"Bad Gateway"),
            (500, br#"{"foo":1}"#),
        ];
        for (status, body) in cases {
            let err = interpret_answer(status, body).unwrap_err();
            assert!(matches!(err, Error::Response(_)), "{status} {body:?}: {err:?}");
            assert!(!err.to_string().contains('\n'));
        }
    }

    #[test]
    fn oversized_answer_is_refused() {
        let body = vec![b' '; (MAX_BODY_BYTES + 1) as usize];
        assert!(interpret_answer(200, &body).unwrap_err().to_string().contains("larger than 16 MiB"));
    }

    #[test]
    fn control_characters_in_answers_are_not_echoed() {
        let err = interpret_answer(400, b"{\"Code\":\"X\x1b[2J\",\"Message\":\"m\\u001b[31m\"}").unwrap_err();
        assert!(!err.to_string().contains('\u{1b}'), "{err:?}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_answers_never_panic_and_errors_stay_one_line(
            status in 100u16..600,
            body in proptest::collection::vec(any::<u8>(), 0..2048),
        ) {
            if let Err(e) = interpret_answer(status, &body) {
                let text = e.to_string();
                prop_assert!(!text.contains('\n') && !text.contains('\r'), "{:?}", text);
                prop_assert!(!text.contains('\u{1b}'), "{:?}", text);
                prop_assert!(text.len() < 1200, "{}", text.len());
            }
        }

        #[test]
        fn json_error_bodies_with_any_strings_stay_printable(
            status in 400u16..600,
            code in any::<String>(),
            message in any::<String>(),
        ) {
            let body = serde_json::json!({"Code": code, "Message": message, "RequestId": "R"}).to_string();
            let err = interpret_answer(status, body.as_bytes()).unwrap_err();
            let text = err.to_string();
            prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
        }
    }
}
