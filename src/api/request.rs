//! A request with its common parameters, signed (or, without credentials, ready to show
//! unsigned for `--dry-run`). Pure: no I/O.
//!
//! Parameters go in the query string, except those an action puts in an
//! `application/x-www-form-urlencoded` body (NLB's server-group actions, ALB's server
//! lists): signature v1 signs the union of both, so the body is signed too.

use chrono::{DateTime, Utc};
use reqwest::Url;

use super::sign;
use crate::secret::{Secret, mask_access_key_id};

/// Every call is a POST to `/` (NLB's server-group actions accept nothing else).
pub const METHOD: &str = "POST";

/// What a request is signed with: an access key pair, and the STS token that comes
/// with temporary credentials. Where it came from is the credentials layer's business.
#[derive(Debug, Clone)]
pub struct AccessKey {
    pub id: String,
    pub secret: Secret,
    pub security_token: Option<Secret>,
}

/// A request with every parameter final, ready to send or to show. Its `Debug` shows
/// [`SignedRequest::masked_params`], never the signature or the token.
#[derive(Clone)]
pub struct SignedRequest {
    pub method: &'static str,
    pub endpoint: Url,
    /// Every query parameter, sorted by name, `Signature` included when signed.
    pub params: Vec<(String, String)>,
    /// The parameters sent in the form body (signed with the query), sorted by name.
    pub form: Vec<(String, String)>,
    pub signed: bool,
}

impl std::fmt::Debug for SignedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedRequest")
            .field("method", &self.method)
            .field("endpoint", &self.endpoint.as_str())
            .field("params", &self.masked_params("no credentials"))
            .field("form", &self.form)
            .finish()
    }
}

impl SignedRequest {
    /// The parameters as they may be shown, with the replayable parts masked: the access
    /// key id to its first and last four characters, the signature and token entirely.
    /// An unsigned request shows `unsigned` (why it is unsigned) as its Signature.
    pub fn masked_params(&self, unsigned: &str) -> Vec<(String, String)> {
        let mut params: Vec<(String, String)> = self
            .params
            .iter()
            .map(|(name, value)| {
                let shown = match name.as_str() {
                    "AccessKeyId" => mask_access_key_id(value),
                    "Signature" | "SecurityToken" => "(masked)".to_owned(),
                    _ => value.clone(),
                };
                (name.clone(), shown)
            })
            .collect();
        if !self.signed {
            params.push(("Signature".to_owned(), format!("(unsigned: {unsigned})")));
            params.sort();
        }
        params
    }

    /// The URL to send: the endpoint with the canonical query (plus the signature).
    pub fn url(&self) -> Url {
        let mut url = self.endpoint.clone();
        let query = sign::canonical_query(self.params.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        url.set_query(Some(&query));
        url
    }

    /// The form body to send, RFC 3986-encoded as the query is; None when the action
    /// has no body parameters.
    pub fn body(&self) -> Option<String> {
        (!self.form.is_empty())
            .then(|| sign::canonical_query(self.form.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
    }
}

/// Add the common parameters to an action's parameters and sign them. Without
/// credentials the request is left unsigned (for `--dry-run`).
pub fn sign_request(
    endpoint: &Url,
    api_version: &str,
    action_params: &[(&'static str, String)],
    credentials: Option<&AccessKey>,
    now: DateTime<Utc>,
    nonce: &str,
) -> SignedRequest {
    let empty: &[(String, String)] = &[];
    sign_request_with_form(endpoint, api_version, (action_params, empty), credentials, now, nonce)
}

/// An action's parameters: those for the query, and those for the form body.
pub type QueryAndForm<'a, Q> = (&'a [(Q, String)], &'a [(String, String)]);

/// [`sign_request`] for an action with body parameters too: `(query, form)`. The common
/// parameters and the signature go in the query; the signature covers both.
pub fn sign_request_with_form<Q: AsRef<str>>(
    endpoint: &Url,
    api_version: &str,
    (action_params, form): QueryAndForm<'_, Q>,
    credentials: Option<&AccessKey>,
    now: DateTime<Utc>,
    nonce: &str,
) -> SignedRequest {
    let mut form: Vec<(String, String)> = form.to_vec();
    form.sort();
    let mut params: Vec<(String, String)> =
        action_params.iter().map(|(k, v)| (k.as_ref().to_owned(), v.clone())).collect();
    params.extend([
        ("Format".to_owned(), "JSON".to_owned()),
        ("Version".to_owned(), api_version.to_owned()),
        ("SignatureMethod".to_owned(), "HMAC-SHA1".to_owned()),
        ("SignatureVersion".to_owned(), "1.0".to_owned()),
        ("SignatureNonce".to_owned(), nonce.to_owned()),
        ("Timestamp".to_owned(), now.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
    ]);
    let signed = if let Some(creds) = credentials {
        params.push(("AccessKeyId".to_owned(), creds.id.clone()));
        if let Some(token) = &creds.security_token {
            params.push(("SecurityToken".to_owned(), token.expose().to_owned()));
        }
        let canonical =
            sign::canonical_query(params.iter().chain(form.iter()).map(|(k, v)| (k.as_str(), v.as_str())));
        let signature = sign::signature(creds.secret.expose(), &sign::string_to_sign(METHOD, &canonical));
        params.push(("Signature".to_owned(), signature));
        true
    } else {
        false
    };
    params.sort();
    SignedRequest { method: METHOD, endpoint: endpoint.clone(), params, form, signed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds(token: Option<&str>) -> AccessKey {
        AccessKey {
            id: "testid".into(),
            secret: Secret::new("testsecret"),
            security_token: token.map(Secret::new),
        }
    }

    fn fixed_time() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2016-02-23T12:46:24Z").unwrap().with_timezone(&Utc)
    }

    #[test]
    fn signed_request_has_every_common_parameter_and_a_verifiable_signature() {
        let endpoint = Url::parse("https://slb.aliyuncs.com").unwrap();
        let action = [("Action", "RemoveBackendServers".to_owned()), ("RegionId", "cn-hangzhou".to_owned())];
        let req = sign_request(
            &endpoint,
            "2014-05-15",
            &action,
            Some(&creds(Some("tok"))),
            fixed_time(),
            "nonce-1",
        );
        let get = |k: &str| req.params.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("Format"), Some("JSON"));
        assert_eq!(get("Version"), Some("2014-05-15"));
        assert_eq!(get("Timestamp"), Some("2016-02-23T12:46:24Z"));
        assert_eq!(get("SignatureNonce"), Some("nonce-1"));
        assert_eq!(get("SecurityToken"), Some("tok"));
        assert!(req.signed);

        // Recompute the signature from everything but Signature: the token is signed too.
        let unsigned: Vec<(&str, &str)> = req
            .params
            .iter()
            .filter(|(k, _)| k != "Signature")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let expected =
            sign::signature("testsecret", &sign::string_to_sign("POST", &sign::canonical_query(unsigned)));
        assert_eq!(get("Signature"), Some(expected.as_str()));

        let url = req.url();
        assert_eq!(url.path(), "/");
        assert!(url.query().unwrap().contains("Timestamp=2016-02-23T12%3A46%3A24Z"));
    }

    #[test]
    fn debug_output_masks_the_signature_and_token() {
        let endpoint = Url::parse("https://slb.aliyuncs.com").unwrap();
        let req = sign_request(
            &endpoint,
            "2014-05-15",
            &[("Action", "X".into())],
            Some(&creds(Some("tok-secret"))),
            fixed_time(),
            "n",
        );
        let signature = req.params.iter().find(|(k, _)| k == "Signature").unwrap().1.clone();
        let shown = format!("{req:?}");
        assert!(!shown.contains("tok-secret") && !shown.contains(&signature), "{shown}");
        assert!(shown.contains("(masked)"), "{shown}");
    }

    #[test]
    fn form_parameters_are_signed_with_the_query() {
        let endpoint = Url::parse("https://nlb.cn-hangzhou.aliyuncs.com").unwrap();
        let query = [("Action", "RemoveServersFromServerGroup".to_owned())];
        let form =
            [("Servers.1.ServerId".to_owned(), "i-a".to_owned()), ("ServerGroupId".into(), "sgp-1".into())];
        let req = sign_request_with_form(
            &endpoint,
            "2022-04-30",
            (&query, &form),
            Some(&creds(None)),
            fixed_time(),
            "n",
        );
        assert!(
            req.params.iter().all(|(k, _)| k != "ServerGroupId"),
            "form parameters stay out of the query"
        );
        assert_eq!(req.body().as_deref(), Some("ServerGroupId=sgp-1&Servers.1.ServerId=i-a"));
        let all: Vec<(&str, &str)> = req
            .params
            .iter()
            .chain(req.form.iter())
            .filter(|(k, _)| k != "Signature")
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let expected =
            sign::signature("testsecret", &sign::string_to_sign("POST", &sign::canonical_query(all)));
        assert_eq!(
            req.params.iter().find(|(k, _)| k == "Signature").map(|(_, v)| v.as_str()),
            Some(&*expected)
        );
    }

    #[test]
    fn without_credentials_the_request_is_unsigned() {
        let endpoint = Url::parse("https://slb.aliyuncs.com").unwrap();
        let req = sign_request(&endpoint, "2014-05-15", &[("Action", "X".into())], None, fixed_time(), "n");
        assert!(!req.signed);
        assert!(req.params.iter().all(|(k, _)| k != "Signature" && k != "AccessKeyId"));
    }
}
