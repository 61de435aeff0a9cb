from django.urls import path

from .views import articles

app_name = "annotations"

urlpatterns = [
    path("", articles.queue, name="queue"),
    path("articles/<int:article_id>/", articles.review, name="review"),
]
