"""Whatever `next=` holds, signing in answers with a redirect on this site, never a 500."""

from __future__ import annotations

import pytest

from tests.conftest import INSTRUCTOR_EMAIL, INSTRUCTOR_PASSWORD


@pytest.mark.parametrize(
    "target",
    ["/instructor/%0aSet-Cookie:x=y", "/instructor/%0d%0a", "/%09/evil.example", "/\\evil.example"],
)
def test_a_control_character_or_backslash_in_next_goes_home(client, instructor, target):
    response = client.post(
        f"/instructor/sign-in?next={target}",
        data={"email": INSTRUCTOR_EMAIL, "password": INSTRUCTOR_PASSWORD},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/instructor/"
