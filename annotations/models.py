"""The newsroom data model: articles, speakers, quotes (attributions) and claims.

Every span is a ``[start, end)`` offset into ``Article.text`` (Python ``str`` indices),
validated by :func:`annotations.spans.validate_spans` on every write.
"""

import hashlib
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .search_vector import QuoteSearchVector
from .spans import Span, validate_claim_span, validate_spans


def normalize_text(text: str) -> str:
    """The one normalisation applied to article text on import: NFC and ``\\n`` newlines."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_fingerprint(text: str) -> str:
    """Hash of the text with whitespace collapsed and case folded, for duplicate detection."""
    squashed = " ".join(normalize_text(text).casefold().split())
    return hashlib.sha256(squashed.encode()).hexdigest()


_NAME_PUNCT = re.compile(r"[^\w\s]")


def normalize_name(name: str) -> str:
    """Lookup key for speaker names: "The Kremlin’s" and "kremlin's" share one key."""
    name = unicodedata.normalize("NFKC", name).casefold().replace("’", "'")
    name = re.sub(r"'s\b", "", name)
    name = _NAME_PUNCT.sub(" ", name)
    words = name.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def quote_search_text(text: str, fragments) -> str:
    """What full-text search indexes for a quote: its content fragments' words."""
    return " ".join(text[start:end] for start, end in fragments)


class StaleVersion(Exception):
    """Raised when an editor saves a quote that someone else changed since they loaded it."""

    def __init__(self, current: "Quote"):
        self.current = current
        super().__init__(
            f"Quote {current.pk} was changed by someone else (now version {current.version}). "
            "Your change was not saved; the current state is shown."
        )


class AlreadyReviewed(Exception):
    """Raised when an article is marked reviewed twice: the first stamp stands."""

    def __init__(self, article: "Article"):
        self.article = article
        who = article.reviewed_by.get_username() if article.reviewed_by else "someone"
        super().__init__(
            f"This article was already marked reviewed by {who}: an admin must reopen it "
            "before it can be reviewed again."
        )


class Article(models.Model):
    class Status(models.TextChoices):
        NEW = "new", "New"
        PROPOSED = "proposed", "Proposed"
        IN_REVIEW = "in_review", "In review"
        REVIEWED = "reviewed", "Reviewed"

    title = models.CharField(max_length=500)
    text = models.TextField(help_text="Immutable once the article has quotes.")
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    url = models.URLField(max_length=2000, blank=True)
    author = models.CharField(max_length=300, blank=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    # Unique: the same text (ignoring case and whitespace) cannot be saved twice, even by two
    # imports at the same moment. NULL only for duplicates that predate the constraint.
    text_hash = models.CharField(max_length=64, editable=False, null=True)  # noqa: DJ001
    status = models.CharField(max_length=20, choices=Status, default=Status.NEW, db_index=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_articles",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_articles",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="imported_articles",
        help_text="Who imported the article (empty for the command line and older articles).",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        permissions = [
            ("import_articles", "Can import articles"),
            ("reopen_article", "Can reopen a reviewed article"),
            ("assign_articles", "Can assign articles to editors"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=~Q(url=""), name="article_unique_url"
            ),
            models.UniqueConstraint(fields=["text_hash"], name="article_unique_text_hash"),
        ]

    def __str__(self) -> str:
        return self.title

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        instance._loaded_text = instance.__dict__.get("text")
        instance._legacy_duplicate = "text_hash" in field_names and instance.text_hash is None
        return instance

    def clean(self) -> None:
        super().clean()
        self._check_text_unchanged()
        if getattr(self, "_legacy_duplicate", False) and self.text == self._loaded_text:
            return
        same = Article.objects.filter(text_hash=text_fingerprint(self.text)).exclude(pk=self.pk)
        if same.exists():
            first = same.only("title").first()
            raise ValidationError(
                {"text": f"Article #{first.pk} “{first.title}” already has this text."}
            )

    def _check_text_unchanged(self) -> None:
        loaded = getattr(self, "_loaded_text", None)
        if self.pk and loaded is not None and loaded != self.text and self.quotes.exists():
            raise ValidationError(
                {
                    "text": "The article text cannot change once it has quotes: every quote is "
                    "anchored to character offsets in it. Delete the quotes first, or import "
                    "the corrected text as a new article."
                }
            )

    def save(self, *args, **kwargs) -> None:
        self._check_text_unchanged()
        self.text = normalize_text(self.text)
        if not getattr(self, "_legacy_duplicate", False) or self.text != self._loaded_text:
            self.text_hash = text_fingerprint(self.text)
        super().save(*args, **kwargs)
        self._loaded_text = self.text

    @classmethod
    def assign(cls, article_ids: list[int], to, by) -> int:
        """Give these articles to ``to`` (a user, or None to unassign); returns how many.

        Reviewed articles keep the editor who reviewed them: only open work moves.
        """
        if not by.has_perm("annotations.assign_articles"):
            raise PermissionError("Only admins can assign articles.")
        open_work = cls.objects.filter(pk__in=article_ids).exclude(status=cls.Status.REVIEWED)
        return open_work.update(assignee=to, updated_at=timezone.now())

    def start_review(self, by) -> None:
        """An editor opened the article: it is theirs and in review."""
        fields = []
        if self.assignee_id is None:
            self.assignee = by
            fields.append("assignee")
        if self.status in (self.Status.NEW, self.Status.PROPOSED):
            self.status = self.Status.IN_REVIEW
            fields.append("status")
        if fields:
            self.save(update_fields=[*fields, "updated_at"])

    @transaction.atomic
    def mark_reviewed(self, by) -> None:
        """Stamp the article reviewed; refused while proposals wait or if it already is."""
        current = Article.objects.select_for_update().only("status", "reviewed_by").get(pk=self.pk)
        if current.status == self.Status.REVIEWED:
            raise AlreadyReviewed(current)
        pending = self.quotes.filter(status=Quote.Status.PROPOSED).count()
        if pending:
            raise ValidationError(
                f"{pending} proposed quote{'s' if pending != 1 else ''} still "
                f"need{'s' if pending == 1 else ''} a decision: accept or reject "
                "every proposal before marking the article reviewed."
            )
        self.status = self.Status.REVIEWED
        self.reviewed_by = by
        self.reviewed_at = timezone.now()
        self.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])

    def reopen(self, by) -> None:
        if not by.has_perm("annotations.reopen_article"):
            raise PermissionError("Only admins can reopen a reviewed article.")
        self.status = self.Status.IN_REVIEW
        self.reviewed_by = None
        self.reviewed_at = None
        self.save(update_fields=["status", "reviewed_by", "reviewed_at", "updated_at"])


class SpeakerQuerySet(models.QuerySet):
    def find(self, name: str) -> "Speaker | None":
        """The speaker whose name or one of whose aliases normalises to ``name``."""
        key = normalize_name(name)
        if not key:
            return None
        return (
            self.filter(Q(normalized_name=key) | Q(search_names__contains=f"|{key}|"))
            .order_by("id")
            .first()
        )

    def search(self, term: str) -> "SpeakerQuerySet":
        """Type-ahead: speakers whose name or an alias contains ``term``."""
        key = normalize_name(term)
        return self.filter(search_names__contains=key) if key else self

    def with_accepted_quotes(self, present: bool = True) -> "SpeakerQuerySet":
        """Speakers with (or, ``present=False``, without) at least one accepted quote."""
        accepted = Quote.objects.filter(speaker=OuterRef("pk"), status=Quote.Status.ACCEPTED)
        return self.filter(Exists(accepted) if present else ~Exists(accepted))


def speaker_quote_counts(prefix: str = "") -> dict[str, Count]:
    """The counts shown for a speaker on every page: accepted quotes and all quotes.

    "All" includes proposed and rejected quotes: everything attributed to the speaker. On a
    Quote queryset (grouped by speaker, or aggregated for one speaker) with no prefix; on a
    Speaker queryset with ``prefix="quotes__"``.
    """
    accepted = Q(**{f"{prefix}status": Quote.Status.ACCEPTED})
    return {
        "accepted_quotes": Count(f"{prefix}id", filter=accepted),
        "all_quotes": Count(f"{prefix}id"),
    }


class Speaker(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANIZATION = "organization", "Organization"
        ANONYMOUS = "anonymous", "Anonymous"
        GROUP = "group", "Group"

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.PERSON, db_index=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other names in the news.")
    role = models.CharField(max_length=300, blank=True, help_text="Role or title.")
    organization = models.CharField(max_length=300, blank=True)
    # "|name|alias one|alias two|", normalised: one indexed text column that both
    # SQLite and PostgreSQL can search for exact and partial matches over all names.
    search_names = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()
    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        permissions = [("merge_speakers", "Can merge speakers")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": "aliases must be a list of names (strings)."})
        if not normalize_name(self.name):
            raise ValidationError({"name": "A speaker needs a name with letters or digits."})

    def save(self, *args, **kwargs) -> None:
        self.name = " ".join(self.name.split())
        aliases = []
        for alias in self.aliases or []:
            alias = " ".join(str(alias).split())
            if alias and alias != self.name and alias not in aliases:
                aliases.append(alias)
        self.aliases = aliases
        self.normalized_name = normalize_name(self.name)
        keys = dict.fromkeys([self.normalized_name, *map(normalize_name, aliases)])
        self.search_names = "|" + "|".join(k for k in keys if k) + "|"
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "name",
                "aliases",
                "normalized_name",
                "search_names",
            }
        super().save(*args, **kwargs)

    def add_alias(self, alias: str) -> bool:
        """Remember another name for this speaker; True if it was new."""
        if normalize_name(alias) in self.search_names.split("|"):
            return False
        self.aliases = [*self.aliases, alias]
        return True

    @transaction.atomic
    def merge(self, other: "Speaker", by) -> None:
        """Fold ``other`` into this speaker: its quotes, names and aliases move here."""
        if not by.has_perm("annotations.merge_speakers"):
            raise PermissionError("Only admins can merge speakers.")
        if other.pk == self.pk:
            raise ValidationError("A speaker cannot be merged into itself.")
        for quote in other.quotes.all():
            quote.speaker = self
            quote.version = F("version") + 1
            quote._history_user = by
            quote.save(update_fields=["speaker", "version", "updated_at"])
        self.aliases = [*self.aliases, other.name, *other.aliases]
        for field in ("role", "organization"):
            if not getattr(self, field):
                setattr(self, field, getattr(other, field))
        self._history_user = by
        self.save()
        other._history_user = by
        other.delete()

    @transaction.atomic
    def delete_unquoted(self, by) -> None:
        """Delete a speaker nothing is attributed to (junk the pre-annotator made, typos).

        A speaker with quotes, even rejected ones, is kept: deleting it would leave those
        quotes without a speaker. Merge it into the right speaker instead.
        """
        if not by.has_perm("annotations.delete_speaker"):
            raise PermissionError("You do not have permission to delete speakers.")
        # Lock the row so that a quote linked meanwhile cannot lose its speaker.
        Speaker.objects.select_for_update().filter(pk=self.pk).first()
        quotes = Quote.objects.filter(speaker_id=self.pk).count()
        if quotes:
            raise ValidationError(
                f"“{self.name}” has {quotes} quote{'s' if quotes != 1 else ''} (of any status), "
                "so it cannot be deleted: merge it into the right speaker instead."
            )
        self._history_user = by
        self.delete()


class Quote(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct"
        INDIRECT = "indirect", "Indirect"
        MIXED = "mixed", "Mixed"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        MODEL = "model", "Model"
        EDITOR = "editor", "Editor"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    # [[start, end], ...]; content_start/content_end are the outer bounds, kept in step by
    # save() so that ordering, filtering and exports need no JSON queries.
    content_fragments = models.JSONField()
    content_start = models.PositiveIntegerField(editable=False)
    content_end = models.PositiveIntegerField(editable=False)
    cue_start = models.PositiveIntegerField(null=True, blank=True)
    cue_end = models.PositiveIntegerField(null=True, blank=True)
    speaker_mention_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_mention_end = models.PositiveIntegerField(null=True, blank=True)
    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes"
    )
    # why the pre-annotator chose the speaker: where it is named when the mention does not
    # spell the name ("he" -> "Barack Obama" in paragraph 3); empty for editors' quotes
    speaker_antecedent_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_antecedent_end = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.DIRECT)
    status = models.CharField(max_length=20, choices=Status, default=Status.PROPOSED, db_index=True)
    origin = models.CharField(max_length=20, choices=Origin, default=Origin.EDITOR)
    confidence = models.FloatField(null=True, blank=True)
    model_version = models.CharField(max_length=100, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_quotes",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # What was said, as plain text (the fragments' words joined by spaces), kept in step by
    # save() and by the pre-annotator's bulk insert: the one column full-text search reads.
    # SQLite indexes it in an FTS5 table kept by triggers (annotations/search_index.py);
    # PostgreSQL in search_vector, a stored generated tsvector with a GIN index.
    search_text = models.TextField(editable=False, default="")
    search_vector = models.GeneratedField(
        expression=QuoteSearchVector("search_text"),
        output_field=SearchVectorField(null=True),
        db_persist=True,
    )

    history = HistoricalRecords(excluded_fields=["search_text", "search_vector"])

    class Meta:
        ordering = ["article_id", "content_start", "id"]
        # PostgreSQL also has a GIN index on search_vector, made by migration 0007 (a
        # GinIndex here would be created on SQLite too, which has no GIN).
        indexes = [models.Index(fields=["article", "content_start"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(content_start__lt=F("content_end")),
                name="quote_content_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(cue_start__isnull=True, cue_end__isnull=True)
                | Q(
                    cue_start__isnull=False,
                    cue_end__isnull=False,
                    cue_start__gte=0,
                    cue_start__lt=F("cue_end"),
                ),
                name="quote_cue_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(speaker_mention_start__isnull=True, speaker_mention_end__isnull=True)
                | Q(
                    speaker_mention_start__isnull=False,
                    speaker_mention_end__isnull=False,
                    speaker_mention_start__gte=0,
                    speaker_mention_start__lt=F("speaker_mention_end"),
                ),
                name="quote_speaker_mention_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(
                    speaker_antecedent_start__isnull=True, speaker_antecedent_end__isnull=True
                )
                | Q(
                    speaker_antecedent_start__isnull=False,
                    speaker_antecedent_end__isnull=False,
                    speaker_antecedent_start__gte=0,
                    speaker_antecedent_start__lt=F("speaker_antecedent_end"),
                ),
                name="quote_speaker_antecedent_start_before_end",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__gte=0, confidence__lte=1),
                name="quote_confidence_between_0_and_1",
            ),
            models.UniqueConstraint(
                fields=["article", "content_start", "content_end"],
                condition=Q(status="accepted"),
                name="quote_unique_accepted_content",
                violation_error_message="Another accepted quote already has this content span.",
            ),
        ]

    def __str__(self) -> str:
        text = self.content_text
        return text if len(text) <= 80 else text[:77] + "..."

    # Spans as tuples, the pre-annotator's vocabulary.
    @property
    def content(self) -> Span:
        return self.content_start, self.content_end

    @property
    def cue(self) -> Span | None:
        return None if self.cue_start is None else (self.cue_start, self.cue_end)

    @cue.setter
    def cue(self, span: Span | None) -> None:
        self.cue_start, self.cue_end = span if span else (None, None)

    @property
    def speaker_mention(self) -> Span | None:
        if self.speaker_mention_start is None:
            return None
        return self.speaker_mention_start, self.speaker_mention_end

    @speaker_mention.setter
    def speaker_mention(self, span: Span | None) -> None:
        self.speaker_mention_start, self.speaker_mention_end = span if span else (None, None)

    @property
    def fragments(self) -> list[Span]:
        return [(s, e) for s, e in self.content_fragments]

    @property
    def fragment_texts(self) -> list[str]:
        """Each content fragment's words, for the editor choosing one to remove."""
        text = self.article.text
        return [text[s:e] for s, e in self.content_fragments]

    @property
    def content_text(self) -> str:
        return " ".join(self.fragment_texts)

    @property
    def cue_text(self) -> str:
        return self.article.text[self.cue_start : self.cue_end] if self.cue else ""

    @property
    def speaker_mention_text(self) -> str:
        if not self.speaker_mention:
            return ""
        return self.article.text[self.speaker_mention_start : self.speaker_mention_end]

    @property
    def speaker_antecedent(self) -> Span | None:
        if self.speaker_antecedent_start is None:
            return None
        return self.speaker_antecedent_start, self.speaker_antecedent_end

    @property
    def speaker_explanation(self) -> str:
        """Why the pre-annotator chose the speaker, for the review card: "he → Barack
        Obama, named in paragraph 3"; empty when the mention spells the name."""
        antecedent = self.speaker_antecedent
        text = self.article.text
        if not antecedent or not self.speaker_mention or antecedent[1] > len(text):
            return ""
        paragraph = len(re.findall(r"\n\s*", text[: antecedent[0]])) + 1
        named = " ".join(text[antecedent[0] : antecedent[1]].split())
        return f"{self.speaker_mention_text} → {named}, named in paragraph {paragraph}"

    def set_spans(
        self,
        content_fragments,
        cue: Span | None = None,
        speaker_mention: Span | None = None,
    ) -> None:
        """Validate and set all spans at once (the one way views and commands change them)."""
        fragments, cue, mention = validate_spans(
            self.article.text, content_fragments, cue, speaker_mention
        )
        self.content_fragments = [list(f) for f in fragments]
        self.cue = cue
        self.speaker_mention = mention

    def clean(self) -> None:
        super().clean()
        self.full_validate_spans()

    def full_validate_spans(self) -> None:
        fragments, _, _ = validate_spans(
            self.article.text, self.content_fragments or [], self.cue, self.speaker_mention
        )
        self.content_fragments = [list(f) for f in fragments]

    def save(self, *args, **kwargs) -> None:
        self.full_validate_spans()
        self.content_start = self.content_fragments[0][0]
        self.content_end = self.content_fragments[-1][1]
        self.search_text = quote_search_text(self.article.text, self.content_fragments)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "content_fragments" in update_fields:
            kwargs["update_fields"] = {
                *update_fields,
                "content_start",
                "content_end",
                "search_text",
            }
        super().save(*args, **kwargs)

    @transaction.atomic
    def change(self, by, version: int | None = None, **changes) -> None:
        """Apply an editor's change: check the version they saw, stamp who/when, bump it.

        ``version`` is the version the editor's form carried; if the quote has moved on
        since, :class:`StaleVersion` is raised and nothing is saved.
        """
        current = Quote.objects.select_for_update().get(pk=self.pk)
        expected = self.version if version is None else int(version)
        if current.version != expected:
            raise StaleVersion(current)
        spans = {
            k: changes.pop(k)
            for k in ("content_fragments", "cue", "speaker_mention")
            if k in changes
        }
        if spans:
            self.set_spans(
                spans.get("content_fragments", self.content_fragments),
                spans.get("cue", self.cue),
                spans.get("speaker_mention", self.speaker_mention),
            )
        if "speaker_mention" in spans or (
            "speaker" in changes and changes["speaker"] != self.speaker
        ):
            # the model's reason no longer explains the editor's choice
            self.speaker_antecedent_start = self.speaker_antecedent_end = None
        for field, value in changes.items():
            setattr(self, field, value)
        self.reviewed_by = by
        self.reviewed_at = timezone.now()
        self.version = current.version + 1
        self._history_user = by
        self.save()

    def accept(self, by, version: int | None = None) -> None:
        self.change(by, version, status=self.Status.ACCEPTED)

    def reject(self, by, version: int | None = None) -> None:
        self.change(by, version, status=self.Status.REJECTED)

    def reopen(self, by, version: int | None = None) -> None:
        """Back to proposed, for a second look (admins only)."""
        if not by.has_perm("annotations.reopen_article"):
            raise PermissionError("Only admins can reopen a decided quote.")
        self.change(by, version, status=self.Status.PROPOSED)


class Claim(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    class Verdict(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified"
        TRUE = "true", "True"
        FALSE = "false", "False"
        MISLEADING = "misleading", "Misleading"
        UNPROVEN = "unproven", "Unproven"

    quote = models.ForeignKey(Quote, on_delete=models.CASCADE, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status, default=Status.PROPOSED)
    origin = models.CharField(max_length=20, choices=Quote.Origin, default=Quote.Origin.EDITOR)
    check_worthy = models.BooleanField(default=True)
    verdict = models.CharField(max_length=20, choices=Verdict, default=Verdict.UNVERIFIED)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["quote_id", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_start_before_end"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def span(self) -> Span:
        return self.start, self.end

    @property
    def text(self) -> str:
        return self.quote.article.text[self.start : self.end]

    def clean(self) -> None:
        super().clean()
        validate_claim_span(self.span, self.quote.fragments)

    def save(self, *args, **kwargs) -> None:
        validate_claim_span(self.span, self.quote.fragments)
        super().save(*args, **kwargs)


class PreannotationJob(models.Model):
    """A batch of articles queued for background pre-annotation; the UI polls its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    article_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, choices=Status, default=Status.QUEUED)
    task_id = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Set by the worker when it starts and after every article; a running job whose
    # heartbeat is older than PREANNOTATION_STALE_SECONDS lost its worker and is resumed.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(
        default=0, help_text="How many times the job was resumed after its worker stopped."
    )
    note = models.TextField(blank=True, help_text="What the job skipped, and why.")

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Pre-annotation of {self.total} articles ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class TrainedModel(models.Model):
    """A pre-annotator model trained on the newsroom's reviewed articles.

    The model directory is kept as a tar.gz archive in the database, so every worker on every
    machine can load it (``annotations.trained_models`` extracts it once per process). At most
    one model is active: ``Preannotator()`` uses it beside the rules.
    """

    version = models.CharField(max_length=100, unique=True)
    archive = models.BinaryField(help_text="The model directory as a tar.gz archive.")
    archive_size = models.PositiveBigIntegerField(default=0, editable=False)
    report = models.JSONField(default=dict, blank=True)
    articles_count = models.PositiveIntegerField(
        default=0, help_text="Reviewed articles it learned from."
    )
    is_active = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("manage_trained_models", "Can train and activate pre-annotator models")]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=Q(is_active=True),
                name="trained_model_one_active",
                violation_error_message="Only one trained model can be active at a time.",
            ),
        ]

    def __str__(self) -> str:
        return self.version

    def save(self, *args, **kwargs) -> None:
        self.archive_size = len(self.archive or b"")
        super().save(*args, **kwargs)

    @transaction.atomic
    def activate(self) -> None:
        """Make this the model ``Preannotator()`` uses (and no other)."""
        TrainedModel.objects.select_for_update().filter(is_active=True).exclude(pk=self.pk).update(
            is_active=False
        )
        TrainedModel.objects.filter(pk=self.pk).update(is_active=True)
        self.is_active = True

    @classmethod
    def deactivate_all(cls) -> int:
        """Back to the rules alone; how many models were active (0 or 1)."""
        return cls.objects.filter(is_active=True).update(is_active=False)


class TrainingJob(models.Model):
    """A background training run; the models page polls its progress."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    status = models.CharField(max_length=20, choices=Status, default=Status.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=300, blank=True, help_text="The current step.")
    max_minutes = models.FloatField(null=True, blank=True)
    task_id = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)
    trained_model = models.ForeignKey(
        TrainedModel, null=True, blank=True, on_delete=models.SET_NULL, related_name="jobs"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Training job {self.pk} ({self.get_status_display()})"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, round(100 * self.done / self.total)) if self.total else 0


class EditorPreference(models.Model):
    """What an editor chose once and the review page remembers (one row per editor)."""

    DEFAULT_ACCEPT_THRESHOLD = 0.9

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="editor_preference"
    )
    accept_threshold = models.FloatField(
        default=DEFAULT_ACCEPT_THRESHOLD,
        help_text="“Accept at or above” on the review page: the lowest confidence accepted.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(accept_threshold__gte=0, accept_threshold__lte=1),
                name="editor_preference_threshold_between_0_and_1",
            ),
        ]

    def __str__(self) -> str:
        return f"Preferences of {self.user}"

    @classmethod
    def accept_threshold_for(cls, user) -> float:
        threshold = cls.objects.filter(user=user).values_list("accept_threshold", flat=True)
        return next(iter(threshold), cls.DEFAULT_ACCEPT_THRESHOLD)

    @classmethod
    def remember_accept_threshold(cls, user, threshold: float) -> None:
        cls.objects.update_or_create(user=user, defaults={"accept_threshold": threshold})


class WorkerHeartbeat(models.Model):
    """A running ``manage.py db_worker`` process, refreshed every few seconds while it lives.

    The progress page uses it to tell "waiting for a worker" from "no worker is running".
    """

    worker_id = models.CharField(max_length=100, unique=True)
    hostname = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    last_seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} on {self.hostname} (pid {self.pid})"


from .api_tokens import ApiToken  # noqa: E402, F401  (a model: Django finds it here)


class Guidelines(models.Model):
    """The newsroom's annotation guidelines: one text, in Markdown, that admins edit."""

    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name_plural = "guidelines"
        permissions = [("edit_guidelines", "Can edit the annotation guidelines")]

    def __str__(self) -> str:
        return "Annotation guidelines"

    @classmethod
    def current(cls) -> "Guidelines":
        """The one set of guidelines (an empty one until an admin writes them)."""
        return cls.objects.filter(pk=1).select_related("updated_by").first() or cls(pk=1)
