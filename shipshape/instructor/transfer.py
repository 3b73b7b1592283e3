"""Import and export: upload files or a zip of content/ and quiz/, download everything."""

from __future__ import annotations

import io

from flask import current_app, jsonify, render_template, request, send_file
from werkzeug.exceptions import RequestEntityTooLarge

from ..auth import author_name, current_instructor
from ..errors import error_body, wants_json
from ..quizzes.bank import SLUG_RE
from ..runtime import get_library
from ..textfiles import ImportFailed
from ..transfer import export as exporting
from ..transfer.bundle import GiftOptions, base_name, bundle_from_upload
from ..transfer.service import TransferResult, import_bundle
from . import bp

EXPORT_NAME = "shipshape-export.zip"


def _upload_limit_mb() -> int:
    return current_app.config["MAX_CONTENT_LENGTH"] // (1024 * 1024)


def _page(
    status: int = 200,
    problems: list[str] | None = None,
    errors: dict[str, str] | None = None,
    gift: GiftOptions | None = None,
):
    """The import and export page, with the upload's problems or field errors, if any."""
    return render_template(
        "instructor/transfer.html",
        problems=problems or [],
        errors=errors or {},
        values={"quiz_slug": gift.slug, "quiz_title": gift.title} if gift else {},
        limit_mb=_upload_limit_mb(),
    ), status


def _field_errors(upload, gift: GiftOptions) -> dict:
    errors = {}
    if upload is None or not upload.filename:
        errors["file"] = "Choose a file to upload."
    if gift.slug.strip() and not SLUG_RE.match(gift.slug.strip()):
        errors["quiz_slug"] = "Use lowercase letters, digits and hyphens, e.g. docker-basics."
    if len(gift.title) > 200:
        errors["quiz_title"] = "At most 200 characters."
    return errors


def _result_page(filename: str, result: TransferResult):
    return render_template(
        "instructor/transfer_result.html",
        filename=filename,
        result=result,
        created=result.topics.created + result.quizzes.created,
        updated=result.topics.updated + result.quizzes.updated,
        unchanged=result.topics.unchanged + result.quizzes.unchanged,
    )


@bp.route("/transfer", methods=["GET", "POST"])
def transfer():
    if request.method == "GET":
        return _page()
    upload = request.files.get("file")
    gift = GiftOptions(request.form.get("quiz_slug", ""), request.form.get("quiz_title", ""))
    errors = _field_errors(upload, gift)
    if errors:
        return _page(400, errors=errors, gift=gift)
    try:
        bundle = bundle_from_upload(upload.filename, upload.stream, gift)
        result = import_bundle(bundle, get_library(), author_name())
    except ImportFailed as exc:
        return _page(422, problems=exc.problems, gift=gift)
    return _result_page(base_name(upload.filename), result)


@bp.get("/export.zip")
def export_zip():
    data = exporting.export_zip(current_app.config["SHIPSHAPE_CONTENT_DIR"])
    response = send_file(
        io.BytesIO(data), mimetype="application/zip", as_attachment=True, download_name=EXPORT_NAME
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(RequestEntityTooLarge)
def upload_too_large(err: RequestEntityTooLarge):
    """Over the upload limit: say so on the import page; elsewhere, the usual error."""
    limit = f"larger than {_upload_limit_mb()} MB"
    if request.endpoint == "instructor.transfer" and current_instructor() is not None:
        problem = f"upload: is {limit}; nothing was imported. Split it into smaller zips."
        return _page(413, problems=[problem])
    message = f"The request is {limit}."
    if wants_json():
        return jsonify(error_body("request_entity_too_large", message)), 413
    return render_template("error.html", status=413, message=message), 413
