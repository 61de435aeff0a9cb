"""Model rows as the API's JSON (see schemas.py), with no query per row."""

import math

from django.http import HttpRequest

from annotations.models import Article, Claim, PreannotationJob, Quote, Speaker


def _span(text: str, start: int | None, end: int | None) -> dict | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def article_ref(article: Article) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
    }


def claim_out(claim: Claim, text: str) -> dict:
    return {
        "id": claim.pk,
        "start": claim.start,
        "end": claim.end,
        "text": text[claim.start : claim.end],
        "status": claim.status,
        "origin": claim.origin,
        "check_worthy": claim.check_worthy,
        "verdict": claim.verdict,
        "note": claim.note,
    }


def quote_out(quote: Quote, article: Article | None = None) -> dict:
    """A quote with its spans' words; needs ``article`` (or select_related) and claims."""
    article = article or quote.article
    text = article.text
    speaker = quote.speaker
    return {
        "id": quote.pk,
        "text": " ".join(text[s:e] for s, e in quote.content_fragments),
        "fragments": [_span(text, s, e) for s, e in quote.content_fragments],
        "content_start": quote.content_start,
        "content_end": quote.content_end,
        "cue": _span(text, quote.cue_start, quote.cue_end),
        "speaker_mention": _span(text, quote.speaker_mention_start, quote.speaker_mention_end),
        "speaker": {"id": speaker.pk, "name": speaker.name, "kind": speaker.kind}
        if speaker
        else None,
        "kind": quote.kind,
        "status": quote.status,
        "origin": quote.origin,
        "confidence": quote.confidence,
        "model_version": quote.model_version,
        "version": quote.version,
        "reviewed_at": quote.reviewed_at,
        "claims": [claim_out(c, text) for c in quote.claims.all()],
        "article": article_ref(article),
        "rank": getattr(quote, "rank", None),
    }


def speaker_out(speaker: Speaker) -> dict:
    return {
        "id": speaker.pk,
        "name": speaker.name,
        "kind": speaker.kind,
        "aliases": list(speaker.aliases),
        "role": speaker.role,
        "organization": speaker.organization,
    }


def job_out(job: PreannotationJob) -> dict:
    return {
        "id": job.pk,
        "status": job.status,
        "done": job.done,
        "total": job.total,
        "percent": job.percent,
        "error": job.error,
        "article_ids": job.article_ids,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def paginate(request: HttpRequest, items, page: int, page_size: int, serialize) -> dict:
    """One page of ``items`` (a queryset): two queries, the count and the page."""
    count = items.count()
    pages = max(1, math.ceil(count / page_size))
    start = (page - 1) * page_size
    rows = list(items[start : start + page_size]) if start < count else []

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": page,
        "page_size": page_size,
        "pages": pages,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if 1 < page <= pages else None,
        "results": [serialize(row) for row in rows],
    }
