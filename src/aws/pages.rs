//! The one bound of every paginated listing: at most [`MAX_PAGES`] pages, and a page token that
//! comes back unchanged ends the listing with an error. An endpoint that keeps answering with a
//! next token (a bug, a proxy, a hostile emulator) cannot hold a run forever. [`Page`] is one
//! answer of a listing read a page at a time (so that a caller can pace each call).

use crate::aws::{AwsError, AwsErrorKind};

/// The most pages one listing reads. The largest real listing adsso reads is an organization's
/// accounts under one parent (20 a page): 1,000 pages is 20,000 accounts.
pub(crate) const MAX_PAGES: usize = 1000;

/// One page of a listing: its items and the token of the next page (`None` on the last).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The next page's token, `None` on the last page.
    pub next: Option<String>,
}

/// The pages of one listing read so far, and the last page token.
pub(crate) struct Pages {
    service: &'static str,
    operation: &'static str,
    limit: usize,
    read: usize,
    last: Option<String>,
}

impl Pages {
    /// The first page of `service`'s `operation` is about to be read; at most [`MAX_PAGES`].
    pub(crate) fn new(service: &'static str, operation: &'static str) -> Self {
        Self::at_most(service, operation, MAX_PAGES)
    }

    /// The same, at most `limit` pages (a listing whose items are few).
    pub(crate) fn at_most(service: &'static str, operation: &'static str, limit: usize) -> Self {
        Pages {
            service,
            operation,
            limit,
            read: 0,
            last: None,
        }
    }

    /// After a page: the token of the next page to read, `None` when the listing is complete
    /// (no token, or an empty one). An error when the listing has already read its limit of
    /// pages or the token is the one just used.
    pub(crate) fn next(&mut self, token: Option<&str>) -> Result<Option<String>, AwsError> {
        self.read += 1;
        let Some(token) = token.filter(|t| !t.is_empty()) else {
            return Ok(None);
        };
        if self.last.as_deref() == Some(token) {
            return Err(self.stopped(crate::text::aws::PAGE_TOKEN_REPEATED.to_owned()));
        }
        if self.read >= self.limit {
            return Err(self.stopped(crate::text::aws::too_many_pages(self.limit)));
        }
        self.last = Some(token.to_owned());
        Ok(self.last.clone())
    }

    fn stopped(&self, detail: String) -> AwsError {
        AwsError::new(self.service, self.operation, AwsErrorKind::Other, detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_ends_without_a_token_or_with_an_empty_one() {
        let mut pages = Pages::new("sso-admin", "ListInstances");
        assert_eq!(pages.next(Some("a")).unwrap(), Some("a".to_owned()));
        assert_eq!(pages.next(None).unwrap(), None);
        let mut pages = Pages::new("sso-admin", "ListInstances");
        assert_eq!(pages.next(Some("")).unwrap(), None);
    }

    #[test]
    fn the_last_allowed_page_is_read_and_one_more_is_refused() {
        let mut pages = Pages::new("organizations", "ListAccountsForParent");
        for n in 1..MAX_PAGES {
            let token = format!("t{n}");
            assert_eq!(pages.next(Some(&token)).unwrap(), Some(token), "page {n}");
        }
        // Page MAX_PAGES was read and still names a next page: the listing stops.
        let error = pages.next(Some("more")).unwrap_err().to_string();
        assert!(error.contains("ListAccountsForParent"), "{error}");
        assert!(error.contains(&MAX_PAGES.to_string()), "{error}");
        // Page MAX_PAGES may still be the last one.
        let mut pages = Pages::new("organizations", "ListAccountsForParent");
        for n in 1..MAX_PAGES {
            pages.next(Some(&format!("t{n}"))).unwrap();
        }
        assert_eq!(pages.next(None).unwrap(), None);
    }

    #[test]
    fn a_listing_with_its_own_limit_reads_that_many_pages_and_no_more() {
        let mut pages = Pages::at_most("ec2", "DescribeSubnets", 3);
        assert_eq!(pages.next(Some("a")).unwrap(), Some("a".to_owned()));
        assert_eq!(pages.next(Some("b")).unwrap(), Some("b".to_owned()));
        let error = pages.next(Some("c")).unwrap_err().to_string();
        assert!(error.contains("more than 3 pages"), "{error}");
    }

    #[test]
    fn a_token_that_comes_back_unchanged_stops_the_listing() {
        let mut pages = Pages::new("identitystore", "ListGroups");
        assert_eq!(pages.next(Some("same")).unwrap(), Some("same".to_owned()));
        let error = pages.next(Some("same")).unwrap_err().to_string();
        assert!(
            error.contains("ListGroups") && error.contains("repeated"),
            "{error}"
        );
    }
}
