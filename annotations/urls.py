from django.urls import path

from .views import (
    articles,
    assignments,
    dashboard,
    exports,
    guidelines,
    imports,
    jobs,
    review,
    search,
    site,
    speakers,
    tokens,
    trained_models,
)

app_name = "annotations"

urlpatterns = [
    path("", articles.queue, name="queue"),
    path("favicon.ico", site.favicon, name="favicon"),
    path("guidelines/", guidelines.guidelines, name="guidelines"),
    path("guidelines/edit/", guidelines.guidelines_edit, name="guidelines_edit"),
    path("articles/<int:article_id>/", articles.review, name="review"),
    # Review queue and review page actions (b1)
    path("next/", articles.next_article, name="next_article"),
    path("assign/", assignments.assign_articles, name="assign_articles"),
    path("preannotate/", articles.preannotate_new, name="preannotate_new"),
    path("articles/<int:article_id>/quotes/add/", review.add_quote, name="add_quote"),
    path("articles/<int:article_id>/accept-all/", review.accept_all, name="accept_all"),
    path(
        "articles/<int:article_id>/accept-confident/",
        review.accept_confident,
        name="accept_confident",
    ),
    path("articles/<int:article_id>/reviewed/", review.mark_reviewed, name="mark_reviewed"),
    path("articles/<int:article_id>/reopen/", review.reopen, name="reopen"),
    path("articles/<int:article_id>/undo/", review.undo, name="undo"),
    path("articles/<int:article_id>/preannotate/", review.preannotate, name="preannotate"),
    path("quotes/<int:quote_id>/accept/", review.accept, name="accept"),
    path("quotes/<int:quote_id>/reject/", review.reject, name="reject"),
    path("quotes/<int:quote_id>/kind/", review.set_kind, name="set_kind"),
    path("quotes/<int:quote_id>/speaker/", review.set_speaker, name="set_speaker"),
    path("quotes/<int:quote_id>/span/", review.set_span, name="set_span"),
    path("quotes/<int:quote_id>/span/clear/", review.clear_span, name="clear_span"),
    path("quotes/<int:quote_id>/fragments/add/", review.add_fragment, name="add_fragment"),
    path("quotes/<int:quote_id>/fragments/remove/", review.remove_fragment, name="remove_fragment"),
    path("quotes/<int:quote_id>/delete/", review.delete_quote, name="delete_quote"),
    path("quotes/<int:quote_id>/claims/add/", review.add_claim, name="add_claim"),
    path("claims/<int:claim_id>/", review.update_claim, name="update_claim"),
    path("claims/<int:claim_id>/delete/", review.delete_claim, name="delete_claim"),
    path("review/speakers/", review.speaker_search, name="speaker_search"),
    # Speakers and dashboard (b2)
    path("speakers/", speakers.speakers, name="speakers"),
    path("speakers/<int:speaker_id>/", speakers.speaker, name="speaker"),
    path("speakers/<int:speaker_id>/edit/", speakers.speaker_edit, name="speaker_edit"),
    path("speakers/<int:speaker_id>/merge/", speakers.speaker_merge, name="speaker_merge"),
    path("speakers/<int:speaker_id>/delete/", speakers.speaker_delete, name="speaker_delete"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("jobs/<int:job_id>/", jobs.job_progress, name="job_progress"),
    path("jobs/<int:job_id>/resume/", jobs.job_resume, name="job_resume"),
    # Import (c1)
    path("import/", imports.import_upload, name="import_upload"),
    path("import/paste/", imports.import_paste, name="import_paste"),
    # Export (c2)
    path("export/", exports.export, name="export"),
    path("export/download/", exports.export_download, name="export_download"),
    # Trained pre-annotator models, admins only (issue 11)
    path("models/", trained_models.model_list, name="trained_models"),
    path("models/train/", trained_models.start_training, name="start_training"),
    path("models/jobs/<int:job_id>/", trained_models.training_job, name="training_job"),
    path("models/<int:model_id>/activate/", trained_models.activate, name="activate_model"),
    path("models/rules-only/", trained_models.rules_only, name="rules_only"),
    # Search (issue 14)
    path("search/", search.search, name="search"),
    path("search/speakers/", search.speaker_suggestions, name="search_speakers"),
    path("account/tokens/", tokens.api_tokens, name="api_tokens"),
    path("account/tokens/<int:token_id>/revoke/", tokens.revoke_api_token, name="revoke_api_token"),
]
