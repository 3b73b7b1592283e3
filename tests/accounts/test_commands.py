"""flask create-instructor, create-token, list-tokens and revoke-token."""

from shipshape.accounts.service import authenticate, instructor_for_token

ADA = ["create-instructor", "ada@example.org", "--password", "pw-long-1234"]


def test_create_instructor_then_a_token_printed_on_the_last_line(runner):
    made = runner.invoke(args=ADA)
    assert made.exit_code == 0, made.output
    assert authenticate("ada@example.org", "pw-long-1234") is not None
    issued = runner.invoke(args=["create-token", "ada@example.org", "--name", "ci"])
    assert issued.exit_code == 0, issued.output
    token = issued.stdout.strip().splitlines()[-1]
    assert instructor_for_token(token).email == "ada@example.org"


def test_list_and_revoke_tokens(runner):
    runner.invoke(args=ADA)
    token = runner.invoke(args=["create-token", "ada@example.org"]).stdout.splitlines()[-1]
    listing = runner.invoke(args=["list-tokens"])
    assert "ada@example.org" in listing.stdout and token[:12] in listing.stdout
    assert token not in listing.output
    token_id = listing.stdout.strip().splitlines()[-1].split("\t", 1)[0]
    assert runner.invoke(args=["revoke-token", token_id]).exit_code == 0
    assert "revoked" in runner.invoke(args=["list-tokens"]).output
    assert instructor_for_token(token) is None
    assert runner.invoke(args=["revoke-token", token_id]).exit_code != 0


def test_bad_input_is_a_clear_error_not_a_traceback(runner):
    short = runner.invoke(args=["create-instructor", "ada@example.org", "--password", "short"])
    assert short.exit_code != 0 and "password" in short.output
    unknown = runner.invoke(args=["create-token", "nobody@example.org"])
    assert unknown.exit_code != 0 and "no instructor" in unknown.output
