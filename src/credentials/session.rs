//! Serving credentials to the API client: obtain them from the chosen provider (from the
//! cache when it holds them, else fetched and cached), re-check their expiry before each
//! call and refresh when fewer than 60 s remain, and when the service refuses cached
//! credentials, drop them and fetch fresh ones once.

use std::sync::Mutex;

use super::cache::Cache;
use super::{Chosen, Credentials, Network, Provider, ecs, external, sts, uri};
use crate::api::client::KeySource;
use crate::api::request::AccessKey;
use crate::error::{Error, Result};

/// Cached credentials are used only while more than this remains.
const CACHE_MIN_VALID_MINUTES: i64 = 5;
/// In a long run, credentials are refreshed when fewer than this remain.
const REFRESH_MARGIN_SECONDS: i64 = 60;

/// The chosen provider, serving credentials.
pub struct Session {
    chosen: Chosen,
    net: Network,
    cache: Option<Cache>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    current: Option<Credentials>,
    from_cache: bool,
}

impl Session {
    pub fn new(chosen: Chosen, net: Network, cache: Option<Cache>) -> Session {
        Session { chosen, net, cache, state: Mutex::new(State::default()) }
    }

    /// The credentials now, and whether they came from the cache.
    pub fn credentials(&self) -> Result<(Credentials, bool)> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        let stale = match &state.current {
            None => true,
            Some(c) => c
                .expiration
                .is_some_and(|e| e - chrono::Utc::now() < chrono::Duration::seconds(REFRESH_MARGIN_SECONDS)),
        };
        if stale {
            let (credentials, from_cache) = self.obtain(&self.chosen.provider, false)?;
            state.current = Some(credentials);
            state.from_cache = from_cache;
        }
        let current = state
            .current
            .clone()
            .ok_or_else(|| Error::Other(anyhow::anyhow!("no credentials after obtaining them")))?;
        Ok((current, state.from_cache))
    }

    /// Credentials of `provider`: as they are, from the cache, or fetched (and cached).
    /// `fresh` skips reading the cache.
    fn obtain(&self, provider: &Provider, fresh: bool) -> Result<(Credentials, bool)> {
        if let Provider::Static(credentials) = provider {
            return Ok((credentials.clone(), false));
        }
        let key = cache_key(provider);
        let min_valid = chrono::Duration::minutes(CACHE_MIN_VALID_MINUTES);
        let Some(cache) = &self.cache else {
            return Ok((self.fetch(provider)?, false));
        };
        if !fresh {
            if let Some(credentials) = cache.load(&key, min_valid) {
                return Ok((credentials, true));
            }
        }
        // One process fetches; the others wait for the lock and read its result.
        let _lock = cache.lock(&key);
        if !fresh {
            if let Some(credentials) = cache.load(&key, min_valid) {
                return Ok((credentials, true));
            }
        }
        let credentials = self.fetch(provider)?;
        cache.store(&key, &credentials);
        Ok((credentials, false))
    }

    fn fetch(&self, provider: &Provider) -> Result<Credentials> {
        let credentials = match provider {
            Provider::Static(credentials) => credentials.clone(),
            Provider::AssumeRole { source, role, endpoint } => {
                let (source, _) = self.obtain(source, false)?;
                sts::assume_role(&self.net, endpoint, role, source.access_key())?
            }
            Provider::Oidc { role, provider_arn, token_file, endpoint } => {
                sts::assume_role_with_oidc(&self.net, endpoint, role, provider_arn, token_file)?
            }
            Provider::EcsRole(metadata) => ecs::fetch(&self.net, metadata)?,
            Provider::Uri(url) => uri::fetch(&self.net, url)?,
            Provider::External(command) => external::fetch(command)?,
        };
        if let Some(expiration) = credentials.expiration {
            crate::verbose!("credentials: fetched, expire {}", expiration.format("%Y-%m-%dT%H:%M:%SZ"));
        }
        Ok(credentials)
    }
}

impl KeySource for Session {
    fn current(&self) -> Result<AccessKey> {
        Ok(self.credentials()?.0.access_key())
    }

    fn renew_after_rejection(&self) -> Result<bool> {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if !state.from_cache {
            return Ok(false);
        }
        if let Some(cache) = &self.cache {
            cache.forget(&cache_key(&self.chosen.provider));
        }
        let (credentials, _) = self.obtain(&self.chosen.provider, true)?;
        state.current = Some(credentials);
        state.from_cache = false;
        Ok(true)
    }
}

/// Everything that defines a provider's session, for the cache. A static source enters
/// by its key id, never its secret; the default session name (which carries the time)
/// does not enter at all.
fn cache_key(provider: &Provider) -> String {
    match provider {
        Provider::Static(credentials) => format!("static\n{}", credentials.access_key_id),
        Provider::AssumeRole { source, role, endpoint } => {
            format!("assume-role\n{}\n{}\n{endpoint}", cache_key(source), role.identity())
        }
        Provider::Oidc { role, provider_arn, token_file, endpoint } => {
            format!("oidc\n{provider_arn}\n{}\n{}\n{endpoint}", token_file.display(), role.identity())
        }
        Provider::EcsRole(metadata) => format!("ecs\n{}", metadata.identity()),
        Provider::Uri(url) => format!("uri\n{}", uri::identity(url)),
        Provider::External(command) => format!("external\n{}", command.identity()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;
    use crate::source::Source;

    fn assume(source_id: &str, session: Option<&str>) -> Provider {
        let source = Credentials {
            access_key_id: source_id.into(),
            access_key_secret: Secret::new("the-source-secret"),
            security_token: None,
            source: Source::Env("X"),
            expiration: None,
        };
        Provider::AssumeRole {
            source: Box::new(Provider::Static(source)),
            role: sts::Role::new("acs:ram::1:role/r", session.map(str::to_owned), None, None, None, "t")
                .unwrap(),
            endpoint: reqwest::Url::parse("https://sts.aliyuncs.com").unwrap(),
        }
    }

    #[test]
    fn the_cache_key_names_the_session_but_no_secret() {
        let key = cache_key(&assume("LTAIsource", None));
        assert!(key.contains("LTAIsource") && key.contains("acs:ram::1:role/r"), "{key}");
        assert!(!key.contains("the-source-secret"));
        assert_ne!(key, cache_key(&assume("LTAIother", None)));
        assert_ne!(key, cache_key(&assume("LTAIsource", Some("named"))));
        assert_eq!(key, cache_key(&assume("LTAIsource", None)), "stable from run to run");
    }
}
