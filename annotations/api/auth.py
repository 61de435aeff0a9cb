"""Who may call the API: a Bearer token or the browser session, with the site's permissions."""

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import SimpleRateThrottle

from annotations.api_tokens import ApiToken, TokenRefused


class ApiError(HttpError):
    """A 4xx answer: ``{"detail": message}``."""


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; a bad or revoked token is refused with the reason."""

    def authenticate(self, request: HttpRequest, token: str):
        try:
            api_token = ApiToken.objects.authenticate(token.strip())
        except TokenRefused as exc:
            raise ApiError(401, str(exc)) from None
        request.user = api_token.user  # history records and permissions use request.user
        request.api_token = api_token
        return api_token.user


class BrowserSession(SessionAuth):
    """The logged-in browser session; unsafe methods need the CSRF token, as on the site."""


def require(request: HttpRequest, perm: str, what: str) -> None:
    """403 unless the caller holds ``perm`` (editors and admins do, through their groups)."""
    if not request.user.has_perm(perm):
        raise ApiError(403, f"Your account may not {what}: only editors and admins can.")


class PerTokenThrottle(SimpleRateThrottle):
    """``settings.API_RATE_LIMIT`` requests per token (or per logged-in user), e.g. 120/min."""

    scope = "api"

    def __init__(self) -> None:
        super().__init__(rate=settings.API_RATE_LIMIT)

    def allow_request(self, request: HttpRequest) -> bool:
        # Read the setting each time, so it can change without rebuilding the API.
        self.rate = settings.API_RATE_LIMIT
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str | None:
        token = getattr(request, "api_token", None)
        if token is not None:
            ident = f"token{token.pk}"
        elif request.user.is_authenticated:
            ident = f"user{request.user.pk}"
        else:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}
