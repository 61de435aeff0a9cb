from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from annotations.models import Article


def queue(request):
    articles = Article.objects.select_related("assignee").order_by("created_at", "id")
    page = Paginator(articles, 50).get_page(request.GET.get("page"))
    return render(request, "annotations/queue.html", {"page": page})


def review(request, article_id: int):
    article = get_object_or_404(Article, pk=article_id)
    quotes = article.quotes.select_related("speaker").order_by("content_start", "id")
    return render(request, "annotations/review.html", {"article": article, "quotes": quotes})
