from django.urls import path

from .views import articles, imports, jobs

app_name = "annotations"

urlpatterns = [
    path("", articles.queue, name="queue"),
    path("articles/<int:article_id>/", articles.review, name="review"),
    path("jobs/<int:job_id>/", jobs.job_progress, name="job_progress"),
    # Import (c1)
    path("import/", imports.import_upload, name="import_upload"),
    path("import/paste/", imports.import_paste, name="import_paste"),
]
