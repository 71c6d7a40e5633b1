"""A refusal's answer fields never take a message's parameters (a ``{detail}`` in a
message once made the upload's and the publish step's refusals raise KeyError: a 500)."""

from dashboard.shell.refusals import RequestRefused
from dashboard.staff.releases import ReleaseActionRefused
from public_site.messages import PUBLISH


def test_a_detail_parameter_is_worded_and_answer_fields_are_added():
    body, status = RequestRefused("bad_form", detail="no boundary").answer("en")
    assert status == 400 and body["error"] == "bad_form" and "no boundary" in body["message"]
    assert "detail" not in body
    body, status = RequestRefused("bad_form", 400, answer_fields={"cells": [[1, 2]]}, detail="x").answer("id")
    assert body["cells"] == [[1, 2]] and "x" in body["message"]


def test_a_publish_refusal_with_its_detail_is_worded_in_both_languages():
    refused = ReleaseActionRefused("not_writable", 409, catalogue=PUBLISH, folder="/srv/peta",
                                   detail="Permission denied")
    assert "Permission denied" in refused.message("id") and "/srv/peta" in refused.message("en")
    assert refused.answer("en")[1] == 409
