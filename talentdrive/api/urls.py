from django.urls import path

from talentdrive.api.main import api

urlpatterns = [path("", api.urls)]
