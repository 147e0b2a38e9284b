from ninja import NinjaAPI

from talentdrive.api.applications import router as applications_router
from talentdrive.api.calibration import router as calibration_router
from talentdrive.api.campus import router as campus_router
from talentdrive.api.campus_talks import router as campus_talks_router
from talentdrive.api.candidates import router as candidates_router
from talentdrive.api.insights import router as insights_router
from talentdrive.api.interview_days import router as interview_days_router
from talentdrive.api.interviews import router as interviews_router
from talentdrive.api.matching import router as matching_router
from talentdrive.api.offers import router as offers_router
from talentdrive.api.plans import router as plans_router
from talentdrive.api.portal import router as portal_router
from talentdrive.api.schemas.errors import install_error_handlers

api = NinjaAPI(
    title="Talent Drive API",
    version="1",
    description="Drives, plan lines, requisitions, applications, interviews, scorecards, offers and matching.",
    urls_namespace="api",
)
install_error_handlers(api)
api.add_router("/", plans_router)
api.add_router("/", applications_router)
api.add_router("/", candidates_router)
api.add_router("/", interviews_router)
api.add_router("/public/", portal_router)
api.add_router("/matching/", matching_router)
api.add_router("/", offers_router)
api.add_router("/", calibration_router)
api.add_router("/", insights_router)
api.add_router("/", campus_router)
api.add_router("/", campus_talks_router)
api.add_router("/", interview_days_router)
