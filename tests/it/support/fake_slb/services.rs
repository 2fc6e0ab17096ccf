//! The credential services beside the fake SLB, sharing its state so that the keys they
//! issue are the keys the fake SLB then accepts (until they expire):
//!
//! - STS (`Version=2015-04-01` on `/`): `AssumeRole`, checked like an SLB call (the same
//!   signature verifier, `SecurityToken` for temporary source keys), and
//!   `AssumeRoleWithOIDC`, anonymous, with the token in the query or a form body;
//! - the ECS metadata server (`/latest/...`): IMDSv2 tokens, an IMDSv1 fallback that can
//!   be refused, role discovery, and the `Code` of the answer;
//! - a credentials URI (`/credentials...`).
//!
//! Each can be made to fail: STS through the usual per-action faults, the others by
//! their settings; every call is recorded.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration as Span, Utc};

use super::{Failure, FakeSlb, HttpRequest, State, authenticate, lock, request_id};

pub const STS_VERSION: &str = "2015-04-01";

/// How the fake metadata server treats IMDSv2.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Imdsv2 {
    /// Tokens are given, and requests without one are answered too (IMDSv1).
    #[default]
    Optional,
    /// Requests without a token get 401.
    Required,
    /// The token endpoint answers 404 (an old server): only IMDSv1 works.
    Unsupported,
}

/// One call to a credential service, as the fake saw it.
#[derive(Debug, Clone)]
pub struct ServiceCall {
    pub service: &'static str,
    pub method: String,
    pub path: String,
    pub with_token: bool,
}

#[derive(Default)]
pub struct Services {
    /// Role ARN → whether its trust policy trusts the callers.
    roles: HashMap<String, bool>,
    /// OIDC provider ARN → the token it accepts.
    oidc: HashMap<String, String>,
    /// Lifetime of issued credentials, overriding `DurationSeconds`.
    lifetime: Option<i64>,
    /// When each issued key expires.
    pub expiry: HashMap<String, DateTime<Utc>>,
    metadata_role: Option<String>,
    imdsv2: Imdsv2,
    metadata_code: Option<String>,
    metadata_tokens: HashSet<String>,
    /// What the credentials URI answers with instead of fresh credentials.
    uri_answer: Option<(u16, String)>,
    calls: Vec<ServiceCall>,
}

impl FakeSlb {
    /// A role STS lets callers assume (`trusted`), or refuses with `NoPermission`.
    pub fn add_role(&self, arn: &str, trusted: bool) {
        lock(&self.state).services.roles.insert(arn.into(), trusted);
    }

    /// An OIDC provider and the one token it accepts.
    pub fn add_oidc_provider(&self, arn: &str, token: &str) {
        lock(&self.state).services.oidc.insert(arn.into(), token.into());
    }

    /// Issue credentials that live this long (whatever DurationSeconds asks for).
    pub fn set_issued_lifetime(&self, seconds: i64) {
        lock(&self.state).services.lifetime = Some(seconds);
    }

    /// Let every issued key expire now (the fake SLB then refuses it).
    pub fn expire_issued_keys(&self) {
        let mut state = lock(&self.state);
        let past = Utc::now() - Span::seconds(1);
        for expiry in state.services.expiry.values_mut() {
            *expiry = past;
        }
    }

    /// The RAM role of the "instance" the metadata server describes.
    pub fn attach_instance_role(&self, name: &str) {
        lock(&self.state).services.metadata_role = Some(name.into());
    }

    pub fn set_imdsv2(&self, mode: Imdsv2) {
        lock(&self.state).services.imdsv2 = mode;
    }

    /// The `Code` of the metadata server's credential answers (default `Success`).
    pub fn set_metadata_code(&self, code: &str) {
        lock(&self.state).services.metadata_code = Some(code.into());
    }

    /// Answer the credentials URI with this status and body instead.
    pub fn set_uri_answer(&self, status: u16, body: &str) {
        lock(&self.state).services.uri_answer = Some((status, body.into()));
    }

    /// Calls to the metadata server and the credentials URI.
    pub fn service_calls(&self) -> Vec<ServiceCall> {
        lock(&self.state).services.calls.clone()
    }

    /// How many STS calls of `action` were answered with credentials.
    pub fn sts_successes(&self, action: &str) -> usize {
        self.requests_of(action).iter().filter(|r| r.error_code.is_none()).count()
    }
}

/// Fresh temporary credentials, registered as keys the fake SLB accepts.
fn issue(state: &mut State, seconds: i64) -> serde_json::Value {
    let seconds = state.services.lifetime.unwrap_or(seconds);
    let id = format!("STS.fake{}", uuid::Uuid::new_v4().simple());
    let secret = format!("issued-secret-{}", uuid::Uuid::new_v4().simple());
    let token = format!("issued-token-{}", uuid::Uuid::new_v4().simple());
    let expiration = Utc::now() + Span::seconds(seconds);
    state.keys.insert(id.clone(), (secret.clone(), Some(token.clone())));
    state.services.expiry.insert(id.clone(), expiration);
    serde_json::json!({
        "AccessKeyId": id,
        "AccessKeySecret": secret,
        "SecurityToken": token,
        "Expiration": expiration.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
    })
}

/// STS: `AssumeRole` (signed) and `AssumeRoleWithOIDC` (anonymous).
pub fn sts(state: &mut State, method: &str, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let action = get("Action").unwrap_or("");
    if action == "AssumeRole" {
        authenticate(state, method, params, STS_VERSION)?;
    } else if action == "AssumeRoleWithOIDC" {
        if get("Signature").is_some() || get("AccessKeyId").is_some() {
            return Err((
                400,
                "InvalidParameter",
                "AssumeRoleWithOIDC takes no AccessKeyId or Signature.".into(),
            ));
        }
        let provider = get("OIDCProviderArn").ok_or_else(|| super::missing("OIDCProviderArn"))?;
        let token = get("OIDCToken").ok_or_else(|| super::missing("OIDCToken"))?;
        match state.services.oidc.get(provider) {
            None => {
                return Err((
                    404,
                    "EntityNotExist.OIDCProvider",
                    "The specified OIDC provider does not exist.".into(),
                ));
            }
            Some(accepted) if accepted != token => {
                return Err((
                    400,
                    "AuthenticationFail.OIDCToken.Invalid",
                    "The OIDC token is invalid or has expired.".into(),
                ));
            }
            Some(_) => {}
        }
    } else {
        return Err((404, "InvalidAction.NotFound", "Specified api is not found.".into()));
    }
    let role = get("RoleArn").ok_or_else(|| super::missing("RoleArn"))?;
    let session = get("RoleSessionName").ok_or_else(|| super::missing("RoleSessionName"))?;
    if !(2..=64).contains(&session.len()) {
        return Err((
            400,
            "InvalidParameter.RoleSessionName",
            "The parameter RoleSessionName is invalid.".into(),
        ));
    }
    let duration: i64 = get("DurationSeconds").unwrap_or("3600").parse().unwrap_or(0);
    if duration < 900 {
        return Err((
            400,
            "InvalidParameter.DurationSeconds",
            "The parameter DurationSeconds is invalid.".into(),
        ));
    }
    match state.services.roles.get(role) {
        None => return Err((404, "EntityNotExist.Role", "The role not exists: acs:ram::*:role/*.".into())),
        Some(false) => {
            return Err((
                403,
                "NoPermission",
                "You are not authorized to do this action. You should be authorized by RAM.".into(),
            ));
        }
        Some(true) => {}
    }
    let credentials = issue(state, duration);
    Ok(serde_json::json!({
        "RequestId": request_id(),
        "AssumedRoleUser": {"Arn": format!("{role}/{session}"), "AssumedRoleId": format!("3445843393649:{session}")},
        "Credentials": credentials,
    })
    .to_string())
}

/// The metadata server and the credentials URI, by path; None for RPC paths.
pub fn by_path(state: &mut State, request: &HttpRequest, path: &str) -> Option<(u16, String)> {
    let header = |name: &str| request.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    if let Some(rest) = path.strip_prefix("/latest/") {
        let token = header("x-aliyun-ecs-metadata-token");
        state.services.calls.push(ServiceCall {
            service: "metadata",
            method: request.method.clone(),
            path: path.to_owned(),
            with_token: token.is_some(),
        });
        return Some(metadata(
            state,
            &request.method,
            rest,
            token,
            header("x-aliyun-ecs-metadata-token-ttl-seconds"),
        ));
    }
    if path.starts_with("/credentials") {
        state.services.calls.push(ServiceCall {
            service: "uri",
            method: request.method.clone(),
            path: path.to_owned(),
            with_token: false,
        });
        if let Some(answer) = state.services.uri_answer.clone() {
            return Some(answer);
        }
        let mut body = issue(state, 3600);
        body["Code"] = "Success".into();
        return Some((200, body.to_string()));
    }
    None
}

fn metadata(
    state: &mut State,
    method: &str,
    rest: &str,
    token: Option<&str>,
    ttl: Option<&str>,
) -> (u16, String) {
    let services = &mut state.services;
    if rest == "api/token" {
        if method != "PUT" || services.imdsv2 == Imdsv2::Unsupported {
            return (404, "Not Found".into());
        }
        if ttl.and_then(|t| t.parse::<u32>().ok()).is_none_or(|t| !(1..=21600).contains(&t)) {
            return (400, "Bad Request: missing or invalid token TTL".into());
        }
        let issued = format!("imds-token-{}", uuid::Uuid::new_v4().simple());
        services.metadata_tokens.insert(issued.clone());
        return (200, issued);
    }
    match token {
        Some(t) if !services.metadata_tokens.contains(t) => return (401, "Unauthorized".into()),
        None if services.imdsv2 == Imdsv2::Required => return (401, "Unauthorized".into()),
        _ => {}
    }
    let Some(role) = services.metadata_role.clone() else {
        return (404, "Not Found".into());
    };
    match rest.strip_prefix("meta-data/ram/security-credentials/") {
        Some("") => (200, role),
        Some(asked) if asked == role => {
            let code = services.metadata_code.clone().unwrap_or_else(|| "Success".into());
            let mut body = issue(state, 6 * 3600);
            body["Code"] = code.into();
            body["LastUpdated"] = Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string().into();
            (200, body.to_string())
        }
        _ => (404, "Not Found".into()),
    }
}
