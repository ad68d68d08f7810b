"""One exception tree for the whole package.

TrialmatchError
 +-- APIError            the ClinicalTrials.gov API failed or refused us
 |    +-- APIRequestError    400: the API rejected a parameter (its message is kept)
 |    +-- APIForbiddenError  403: automated access refused; retrying will not help
 |    +-- APIUnavailableError  429/5xx/timeouts persisted past the retry budget
 |    +-- APIResponseError   a body that is not the JSON we expect (truncated, wrong shape)
 +-- CacheError          the local SQLite/PostgreSQL cache cannot be opened, read or written
 +-- ProfileError        a patient profile is malformed; names the field
 +-- SyncLockedError     another sync holds the lock

Library code raises these; only the CLI and the page turn them into one-line messages.
"""

from __future__ import annotations


class TrialmatchError(Exception):
    """Base of every error trialmatch raises on purpose."""


class APIError(TrialmatchError):
    """The ClinicalTrials.gov API could not give us what we asked for."""


class APIRequestError(APIError):
    """The API rejected the request (HTTP 400); the message is the API's own."""


class APIForbiddenError(APIError):
    """The API refused automated access (HTTP 403)."""


class APIUnavailableError(APIError):
    """Rate limits, server errors or timeouts outlasted every retry."""


class APIResponseError(APIError):
    """The API answered with a body we cannot read (truncated JSON, wrong shape)."""


class CacheError(TrialmatchError):
    """The local trial cache cannot be opened, read or written."""


class SyncLockedError(CacheError):
    """Another sync is already writing to this cache."""


class ProfileError(TrialmatchError, ValueError):
    """A patient profile is malformed. `field` names the offending field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
