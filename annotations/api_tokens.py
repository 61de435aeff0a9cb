"""API tokens: how programs authenticate (``Authorization: Bearer <token>``).

A token is shown once, when it is made; only its SHA-256 hash is stored, so a copy of the
database gives no working tokens. Tokens are long random strings, so a fast hash is the
right tool (a slow password hash guards guessable secrets, not 256 random bits).
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "ndq_"
# How often last_used_at is written: at most once a minute per token, not on every call.
LAST_USED_RESOLUTION = 60


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


class TokenRefused(Exception):
    """The token is unknown, revoked, or its user may no longer log in; says which."""


class ApiTokenQuerySet(models.QuerySet):
    def create_token(self, user, name: str = "") -> tuple["ApiToken", str]:
        """A new token for ``user``: the saved row and the token itself (shown once)."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = self.create(
            user=user,
            name=" ".join(name.split())[:100] or "API token",
            prefix=raw[: len(TOKEN_PREFIX) + 6],
            key_hash=hash_token(raw),
        )
        return token, raw

    def authenticate(self, raw: str) -> "ApiToken":
        """The live token whose hash matches ``raw``; :class:`TokenRefused` says why not."""
        token = self.select_related("user").filter(key_hash=hash_token(raw)).first()
        if token is None:
            raise TokenRefused("The API token is not valid.")
        if token.revoked_at is not None:
            raise TokenRefused(
                f"The API token “{token.name}” ({token.prefix}…) was revoked on "
                f"{token.revoked_at:%Y-%m-%d %H:%M} UTC."
            )
        if not token.user.is_active:
            raise TokenRefused("The API token's user account is deactivated.")
        now = timezone.now()
        if (
            token.last_used_at is None
            or (now - token.last_used_at).total_seconds() > LAST_USED_RESOLUTION
        ):
            self.model.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What the token is for.")
    prefix = models.CharField(max_length=12, editable=False, help_text="Its first characters.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
