//! Words of the AWS layer that are not one service's: how a paginated listing was stopped.

/// A listing whose next page token was the one just used (it would never end).
pub const PAGE_TOKEN_REPEATED: &str =
    "the answer repeated the page token just used: the listing was stopped (it would never end)";

/// A listing that still named a next page after `pages` pages.
pub fn too_many_pages(pages: usize) -> String {
    format!("more than {pages} pages: the listing was stopped")
}
