"""HTTP client for the ClinicalTrials.gov API v2: paging, politeness and one error per failure kind.

Only this module talks HTTP. It fetches; it never touches the cache (see trialmatch.registry.sync and
trialmatch.cache.store). Failures map onto trialmatch.errors:

- 400 (and other 4xx)                  -> APIRequestError, with the API's own plain-text message
- 403                                  -> APIForbiddenError, at once (retrying would hammer a refusal)
- 429, 5xx, timeouts, dropped links    -> retried with backoff and jitter, honouring Retry-After;
                                          after `max_attempts` -> APIUnavailableError
- a body that is not the JSON expected -> retried like a dropped link (it usually is one), then
                                          APIResponseError
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
import orjson
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt
from tenacity.wait import wait_base

from trialmatch import __version__
from trialmatch.errors import (
    APIForbiddenError,
    APIRequestError,
    APIResponseError,
    APIUnavailableError,
)

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://clinicaltrials.gov/api/v2"
API_URL_ENV = "TRIALMATCH_API_URL"
USER_AGENT = (
    f"trialmatch/{__version__} (NSCLC trial finder; condition-only queries; "
    "+https://clinicaltrials.gov/data-api/api)"
)
# Connect fast or give up; a 1000-study page can take a while to arrive.
DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_ATTEMPTS = 6
BACKOFF_INITIAL_SECONDS = 1.0
BACKOFF_CAP_SECONDS = 30.0
JITTER = 0.25  # +-25 %, so many clients backing off at once do not retry in step
RETRY_AFTER_CAP_SECONDS = 300.0  # never let a header park us for hours
MAX_MESSAGE_CHARS = 300
MAX_EMPTY_PAGES = 3  # empty pages in a row that still carry a next token, before giving up on them

Sleep = Callable[[float], None]


class _Transient(Exception):
    """A failure worth retrying. Carries what to tell the user if retries run out."""

    def __init__(self, message: str, retry_after: float | None = None, bad_body: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.bad_body = bad_body


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date); None if absent or junk."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class _PoliteWait(wait_base):
    """Retry-After when the server sends one, else capped exponential backoff with +-25 % jitter."""

    def __init__(self, initial: float, cap: float, rng: random.Random) -> None:
        self.initial = initial
        self.cap = cap
        self.rng = rng

    def __call__(self, retry_state: RetryCallState) -> float:
        outcome = retry_state.outcome
        exc = outcome.exception() if outcome is not None else None
        if isinstance(exc, _Transient) and exc.retry_after is not None:
            return min(exc.retry_after, RETRY_AFTER_CAP_SECONDS)
        base = min(self.cap, self.initial * 2 ** (retry_state.attempt_number - 1))
        return base * self.rng.uniform(1 - JITTER, 1 + JITTER)


@dataclass(frozen=True)
class Page:
    """One page of `/studies`: the studies, the token of the next page (None on the last), the total."""

    studies: list[dict[str, Any]]
    next_page_token: str | None
    total_count: int | None = None
    token: str | None = field(default=None, compare=False)  # the token this page was fetched with


class CTGovClient:
    """ClinicalTrials.gov API v2 client. Use as a context manager, or call close().

    Every argument is keyword-only. Pass `client` to inject an `httpx.Client` (tests, proxies);
    otherwise one is built with a descriptive User-Agent and timeouts. `base_url` defaults to
    $TRIALMATCH_API_URL, then the public API. `sleep` is what backoff waits with (tests pass a
    recorder so nothing really waits).
    """

    def __init__(
        self,
        *,
        client: httpx.Client | None = None,
        base_url: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff_initial: float = BACKOFF_INITIAL_SECONDS,
        backoff_cap: float = BACKOFF_CAP_SECONDS,
        sleep: Sleep = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        if max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        self.base_url = (base_url or os.environ.get(API_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        self._owns_client = client is None
        self._client = client or httpx.Client(
            timeout=timeout, headers={"User-Agent": USER_AGENT}, follow_redirects=True
        )
        self.max_attempts = max_attempts
        self._wait = _PoliteWait(backoff_initial, backoff_cap, rng or random.Random())
        self._sleep = sleep

    def __enter__(self) -> CTGovClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    # -- public calls ---------------------------------------------------------------------

    def version(self) -> dict[str, Any]:
        """`GET /version`: {"apiVersion": ..., "dataTimestamp": "yyyy-MM-ddTHH:mm:ss"}."""
        body = self.get_json("/version")
        if not isinstance(body, dict):
            raise APIResponseError(f"{self.base_url}/version did not return a JSON object")
        return body

    def fetch_page(self, params: Mapping[str, str], page_token: str | None = None) -> Page:
        """One page of `GET /studies` with `params`, starting at `page_token` (None = first page)."""
        query = dict(params)
        if page_token:
            query["pageToken"] = page_token
            query.pop("countTotal", None)  # the total only comes with the first page anyway
        body = self.get_json("/studies", query)
        if not isinstance(body, dict) or not isinstance(body.get("studies", []), list):
            raise APIResponseError(f"{self.base_url}/studies did not return a page of studies")
        listed = body.get("studies") or []
        studies = [s for s in listed if isinstance(s, dict)]
        if dropped := len(listed) - len(studies):
            log.warning("skipped %d study %s not a JSON object", dropped,
                        "entry that is" if dropped == 1 else "entries that are")
        token = body.get("nextPageToken")
        total = body.get("totalCount")
        return Page(
            studies=studies,
            next_page_token=str(token) if token else None,
            total_count=total if isinstance(total, int) else None,
            token=page_token,
        )

    def iter_pages(self, params: Mapping[str, str], *, page_token: str | None = None) -> Iterator[Page]:
        """Follow `nextPageToken` from `page_token` until a page has no token.

        The API sends a token after a page filled exactly to `pageSize` even when nothing is
        left; following it gives an empty page without a token, which ends the walk. An empty
        page that does carry a token is followed (stopping there would drop every later page
        while the run looked complete), but only `MAX_EMPTY_PAGES` in a row and never the same
        token twice, so a broken API cannot spin the walk forever. Empty pages are not yielded.
        """
        token = page_token
        empty = 0
        while True:
            page = self.fetch_page(params, token)
            if not page.studies:
                if page.next_page_token is None:
                    return
                empty += 1
                if page.next_page_token == token or empty >= MAX_EMPTY_PAGES:
                    log.warning("the API keeps sending empty pages that point to more (%d in a row): "
                                "stopped following them", empty)
                    return
                token = page.next_page_token
                continue
            empty = 0
            yield page
            if page.next_page_token is None:
                return
            token = page.next_page_token

    def iter_studies(self, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every study the query matches, page after page (holds one page at a time)."""
        for page in self.iter_pages(params):
            yield from page.studies

    # -- one request, with the retry policy -----------------------------------------------

    def get_json(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        """GET `path` under the base URL and decode its JSON, retrying transient failures."""
        url = f"{self.base_url}{path}"
        retrying = Retrying(
            stop=stop_after_attempt(self.max_attempts),
            wait=self._wait,
            retry=retry_if_exception_type(_Transient),
            sleep=self._sleep,
            before_sleep=self._log_retry,
            reraise=True,
        )
        try:
            return retrying(self._get_once, url, params)
        except _Transient as exc:
            tries = f"after {self.max_attempts} attempt{'s' if self.max_attempts != 1 else ''}"
            if exc.bad_body:
                raise APIResponseError(f"{exc} ({tries})") from exc
            raise APIUnavailableError(f"{exc} ({tries}); try again later") from exc

    @staticmethod
    def _log_retry(state: RetryCallState) -> None:
        exc = state.outcome.exception() if state.outcome is not None else None
        wait = state.next_action.sleep if state.next_action is not None else 0.0
        log.warning("%s; retrying in %.1f s (attempt %d)", exc, wait, state.attempt_number + 1)

    def _get_once(self, url: str, params: Mapping[str, str] | None) -> Any:
        try:
            response = self._client.get(url, params=params)
        except httpx.TimeoutException as exc:
            raise _Transient(f"the API at {self.base_url} timed out ({type(exc).__name__})") from exc
        except httpx.TransportError as exc:
            raise _Transient(f"lost the connection to {self.base_url} ({type(exc).__name__}: {exc})") from exc
        status = response.status_code
        if status == 429 or status >= 500:
            raise _Transient(
                f"the API at {self.base_url} answered HTTP {status}",
                retry_after=parse_retry_after(response.headers.get("Retry-After")),
            )
        if status == 403:
            raise APIForbiddenError(
                f"the API at {self.base_url} refused access (HTTP 403){_message(response)}; "
                "this is not retried: try later or from another network"
            )
        if status >= 400:
            raise APIRequestError(f"the API rejected the request (HTTP {status}){_message(response)}")
        try:
            return orjson.loads(response.content)
        except ValueError as exc:  # orjson.JSONDecodeError is a ValueError
            raise _Transient(
                f"the API at {self.base_url} sent a body that is not valid JSON ({len(response.content)} bytes)",
                bad_body=True,
            ) from exc


def _message(response: httpx.Response) -> str:
    """The API's plain-text error message, one line and short, prefixed for display."""
    try:
        text = " ".join(response.text.split())
    except (UnicodeDecodeError, LookupError):
        return ""
    if len(text) > MAX_MESSAGE_CHARS:
        text = text[:MAX_MESSAGE_CHARS] + "…"
    return f": {text}" if text else ""
