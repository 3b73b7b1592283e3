"""What a layer keeps: files deleted in a later RUN, owners and modes changed after a COPY."""

import pytest

from tests.paste.reviews import findings

pytestmark = pytest.mark.database_independent


def test_a_run_that_only_cleans_up_in_a_layer_of_its_own_is_named():
    text = "FROM node:20\nRUN npm ci\nRUN rm -rf /tmp/* && npm cache clean --force\n"
    assert [f.line for f in findings(text, "SS130")] == [3]


def test_cleaning_up_in_the_run_that_made_the_files_is_no_finding():
    text = "FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n"
    text += " && rm -rf /var/lib/apt/lists/*\n"
    assert findings(text, "SS130") == []


def test_a_recursive_chown_of_copied_files_in_a_later_step_is_named():
    text = "FROM node:20\nCOPY . /app/src\nRUN chown -R node:node /app\n"
    [found] = findings(text, "SS131")
    assert found.line == 3
    assert found.taught_in[1] == "chown-or-chmod-in-a-later-step-doubles-the-size"


def test_a_chown_of_a_folder_nothing_was_copied_into_is_no_finding():
    text = "FROM node:20\nCOPY . /app\nRUN mkdir /data && chown -R node /data\n"
    assert findings(text, "SS131") == []


def test_removing_a_configuration_file_of_the_base_image_is_no_finding():
    text = "FROM nginx:1.27\nRUN rm /etc/nginx/conf.d/default.conf\n"
    assert findings(text, "SS130") == []
