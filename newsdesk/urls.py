from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from annotations.api import urls as api_urls

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/", api_urls()),
    path("", include("annotations.urls")),
]
