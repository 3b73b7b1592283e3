"""What each Dockerfile finding means for a learner, how serious it is, and the section that
teaches it. hadolint's rules keep their own ids (DL3008…, SC2086…) so they can be looked up;
the rules of this project start with SS."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"
_SEVERITIES = {"error": ERROR, "warning": WARNING, "info": INFO, "style": INFO}


@dataclass(frozen=True)
class Teaching:
    severity: str
    why: str  # why it matters to someone learning
    taught_in: tuple[str, str]  # (topic slug, section anchor)


_TAGS = ("image-names-and-tags", "what-the-latest-tag-really-means")
_SMALLER = ("smaller-images", "make-an-image-smaller")
_APT = ("build-cache", "keep-apt-get-update-and-install-in-one-run")
_PIN = ("dockerfile", "pin-the-versions-of-what-the-dockerfile-installs")
_FORMS = ("dockerfile-instructions-compared", "shell-form-vs-exec-form")
_WORKDIR = (
    "dockerfile-instructions-compared",
    "workdir-sets-the-directory-for-the-instructions-after-it",
)
_SHELL = ("dockerfile", "run-lines-are-shell-scripts")
_USER = ("dockerfile-instructions-compared", "run-as-a-non-root-user-user")
_EXEC_SLIPS = (
    "dockerfile-instructions-compared",
    "exec-form-every-argument-its-own-string-in-double-quotes",
)
_STAGES = ("dockerfile-instructions-compared", "multi-stage-builds")
_ARG_SCOPE = (
    "dockerfile-instructions-compared",
    "an-arg-at-the-top-of-the-dockerfile-is-empty-in-later-steps",
)
_MAIN_PROCESS = ("keeping-a-container-running", "a-container-lives-as-long-as-its-main-process")
_NO_SYSTEMD = ("keeping-a-container-running", "systemctl-does-not-work-in-a-container-no-systemd")
_ACTIVATED = ("dockerfile", "an-activated-virtualenv-or-conda-env-is-gone-in-the-next-step")
_CMD_JOINS = ("dockerfile", "cmd-vs-entrypoint-in-a-dockerfile")
_RUN_STEPS = "run-step-errors"

TEACHINGS: dict[str, Teaching] = {
    "DL3006": Teaching(WARNING, "Without a tag the build takes whatever `latest` is that day: the "
                       "same Dockerfile can build a different image next month.", _TAGS),
    "DL3007": Teaching(WARNING, "`latest` is just a tag that moves: name the version you tested "
                       "with, so a rebuild gives the same base.", _TAGS),
    "DL3014": Teaching(ERROR, "A build cannot answer apt-get's \"Do you want to continue?\": "
                       "without `-y` the step stops there and the build fails.",
                       ("dockerfile", "apt-get-install-needs-y-in-a-dockerfile")),
    "DL3009": Teaching(INFO, "The package lists stay in the layer and add tens of MB to the "
                       "image; remove them in the same RUN that made them.", _SMALLER),
    "DL3015": Teaching(INFO, "Recommended packages are installed too unless you say otherwise: "
                       "a bigger image for nothing you asked for.", _SMALLER),
    "DL3008": Teaching(INFO, "Unpinned packages can change between two builds; pin them when "
                       "the image must be rebuilt identically.", _PIN),
    "DL3013": Teaching(INFO, "Unpinned pip packages can change between two builds.", _PIN),
    "DL3016": Teaching(INFO, "Unpinned npm packages can change between two builds.", _PIN),
    "DL3018": Teaching(INFO, "Unpinned apk packages can change between two builds.", _PIN),
    "DL3028": Teaching(INFO, "Unpinned gems can change between two builds.", _PIN),
    "DL3033": Teaching(INFO, "Unpinned yum packages can change between two builds.", _PIN),
    "DL3037": Teaching(INFO, "Unpinned zypper packages can change between two builds.", _PIN),
    "DL3041": Teaching(INFO, "Unpinned dnf packages can change between two builds.", _PIN),
    "DL3042": Teaching(INFO, "pip keeps a download cache in the layer unless told not to.",
                       _SMALLER),
    "DL3019": Teaching(INFO, "`apk add --no-cache` keeps apk's index out of the image.", _SMALLER),
    "DL3025": Teaching(WARNING, "In shell form the command runs under `/bin/sh -c`: your program "
                       "is not process 1, so `docker stop` waits 10 s and then kills it.", _FORMS),
    "DL3059": Teaching(INFO, "Each RUN is a layer of its own; steps that belong together "
                       "(update and install) are better in one RUN.",
                       ("layers", "does-the-number-of-layers-matter")),
    "DL3003": Teaching(WARNING, "A `cd` lasts only for its own RUN line; WORKDIR sets the "
                       "folder for every instruction after it.", _WORKDIR),
    "DL3045": Teaching(WARNING, "A relative COPY target without a WORKDIR lands in `/`, which is "
                       "rarely what was meant.", _WORKDIR),
    "DL3000": Teaching(ERROR, "WORKDIR needs an absolute path.", _WORKDIR),
    "DL3020": Teaching(WARNING, "ADD also unpacks archives and fetches URLs; COPY does only "
                       "what it says.", ("dockerfile", "copy-vs-add-in-a-dockerfile")),
    "DL3002": Teaching(WARNING, "The container's process runs as root: switch to a normal user "
                       "at the end.", _USER),
    "DL3004": Teaching(ERROR, "There is no sudo in a build: RUN already runs as the current USER "
                       "(root unless changed).", _USER),
    "DL3067": Teaching(INFO, "Copying `/` of another image puts its whole filesystem over "
                       "yours; fine for an image made as a bundle of tools, risky otherwise.",
                       _STAGES),
    "DL3065": Teaching(WARNING, "`--platform=$TARGETPLATFORM` is what FROM uses anyway: the flag "
                       "changes nothing and suggests it does.", _STAGES),
    "DL3022": Teaching(WARNING, "`COPY --from` names a stage that is not defined above.", _STAGES),
    "DL3027": Teaching(WARNING, "`apt` is meant for people at a terminal; in scripts use "
                       "`apt-get`, whose output and options stay stable.", _APT),
    "DL4000": Teaching(WARNING, "MAINTAINER is deprecated: use `LABEL maintainer=…`.",
                       ("dockerfile", "the-main-dockerfile-instructions")),
    "DL4006": Teaching(WARNING, "Without `pipefail` a failing command before a `|` does not "
                       "fail the step, and the build goes on with a broken result.", _SHELL),
    "SS101": Teaching(ERROR, "Options such as `-p` or `-v` belong to `docker run`, typed when you "
                      "start the container; in CMD they are passed to your program instead.",
                      ("dockerfile-instructions-compared", "cmd-cannot-publish-ports-or-mount-volumes")),  # noqa: E501
    "SS102": Teaching(ERROR, "EXPOSE only documents a port: it cannot map a host port, so "
                      "`EXPOSE 8080:80` is refused; publish with `docker run -p 8080:80`.",
                      ("expose-vs-publish", "expose-only-documents-a-port")),
    "SS103": Teaching(INFO, "EXPOSE publishes nothing: the port is reachable from your machine "
                      "only when you run the container with `-p`.",
                      ("expose-vs-publish", "expose-only-documents-a-port")),
    "SS104": Teaching(WARNING, "Files put under a VOLUME path are only a starting copy: a volume "
                      "or bind mount there at run time hides them, and build steps after the "
                      "VOLUME line that change that path are thrown away.",
                      ("dockerfile-instructions-compared", "files-under-a-volume-path")),
    "SS105": Teaching(WARNING, "COPY of the whole project before installing its dependencies "
                      "makes any code change rebuild the install step: copy the dependency "
                      "list first, install, then copy the rest.",
                      ("build-context-and-copy-errors", "why-copy-package-json-before-the-rest-of-the-code")),  # noqa: E501
    "SS106": Teaching(WARNING, "`apt-get update` in its own RUN is cached: a later change to the "
                      "install line installs from stale package lists.", _APT),
    "SS107": Teaching(WARNING, "Each RUN starts a new shell, so a variable exported in one RUN is "
                      "gone in the next; ENV sets it for every later step and the container.",
                      ("dockerfile-instructions-compared", "arg-vs-env")),
    "SS108": Teaching(ERROR, "Exec form (a JSON list) starts the program without a shell, and "
                      "only a shell replaces `$VARIABLES` by their values: write the line in shell "
                      "form, or run it through `sh -c`.", _FORMS),
    "SS109": Teaching(ERROR, "An ARG declared before the first FROM, like the platform arguments "
                      "BuildKit sets (TARGETARCH…), is there only for the FROM lines: each stage "
                      "that uses it declares it again with `ARG NAME`, and takes its value.",
                      _ARG_SCOPE),
    "SS110": Teaching(ERROR, "Each build stage starts without build arguments: a value given to "
                      "an ARG in one stage is not the value of the same ARG in a later one. "
                      "Declare it with its default before the first FROM, then again, without a "
                      "value, in every stage that uses it.",
                      _ARG_SCOPE),
    "SS111": Teaching(ERROR, "In exec form every word is its own string: with the whole command "
                      "in one, Docker looks for a program named after all of it and the container "
                      "fails with \"executable file not found\".", _EXEC_SLIPS),
    "SS112": Teaching(ERROR, "Exec form is JSON, which allows only double quotes: with single "
                      "quotes Docker runs the text through /bin/sh, which looks for a program "
                      "called `[node,` and says \"not found\".", _EXEC_SLIPS),
    "SS113": Teaching(ERROR, "COPY and ADD read only from the build context, the folder given "
                      "to `docker build`: a path above it is refused as \"outside the build "
                      "context\". Build from the folder that holds both, with `-f` for the "
                      "Dockerfile.",
                      ("build-context-and-copy-errors", "copy-failed-forbidden-path-outside-the-build-context")),  # noqa: E501
    "SS114": Teaching(WARNING, "A COPY source is always a path inside the build context, even "
                      "when it starts with `/`: a path on your disk outside the context is "
                      "\"not found\". Put the file in the context and copy it by its path there.",
                      ("build-context-and-copy-errors", "copy-failed-file-not-found")),
    "SS115": Teaching(ERROR, "Wildcards belong in a COPY source only; the destination is a path, "
                      "and with several files or a wildcard it must be a folder ending in `/`.",
                      ("build-context-and-copy-errors", "copy-a-folder-copies-its-contents")),
    "SS116": Teaching(ERROR, "After USER, RUN steps run as that user, and installing packages "
                      "needs root: it fails with \"Permission denied\". Install before USER, or "
                      "switch with `USER root` and back again after.", _USER),
    "SS117": Teaching(ERROR, "A container runs as long as its main command: one that starts "
                      "a program in the background and returns ends at once, and the container "
                      "exits with code 0. Run the program itself in the foreground.",
                      _MAIN_PROCESS),
    "SS118": Teaching(WARNING, "A RUN step keeps its files, not its processes: what it starts "
                      "stops when the step ends and is not running when a container starts. "
                      "Start a service in CMD or in the entrypoint script.",
                      ("dockerfile-instructions-compared", "run-vs-cmd-vs-entrypoint")),
    "SS119": Teaching(ERROR, "Nothing boots in a build or a container, so there is no systemd: "
                      "`systemctl` fails with \"System has not been booted with systemd as init "
                      "system\". Make the program itself the container's command, in the "
                      "foreground.", _NO_SYSTEMD),
    "SS120": Teaching(WARNING, "An activated environment lasts only until the end of its RUN "
                      "line: the next step and the container start without it. Put its `bin` "
                      "folder on the path with ENV, or activate it in the RUN line that uses it.",
                      _ACTIVATED),
    "SS121": Teaching(ERROR, "ENV runs no shell: `$(…)` and backquotes are kept as text, not "
                      "run. Work the value out in the RUN line that needs it, or pass it in with "
                      "`--build-arg`.", _SHELL),
    "SS122": Teaching(ERROR, "This replaces the whole search path, so the programs in /bin and "
                      "/usr/bin, `sh` among them, are \"not found\" from here on: add to the path "
                      "with `$PATH` instead.", _SHELL),
    "SS123": Teaching(INFO, "COPY and ADD do not follow USER: what they copy belongs to root. "
                      "That suits code the program only reads; files or folders it writes need "
                      "`--chown`.", _USER),
    "SS124": Teaching(ERROR, "CMD's words are appended to ENTRYPOINT's, so a program named in "
                      "both runs with its own name as its first argument. Name the program in "
                      "ENTRYPOINT and give CMD only its arguments.", _CMD_JOINS),
    "SS125": Teaching(WARNING, "A shell-form ENTRYPOINT runs as `/bin/sh -c \"…\"`, which takes "
                      "no further arguments: CMD and whatever follows the image name in "
                      "`docker run` never reach the program. Write ENTRYPOINT in exec form.",
                      _CMD_JOINS),
    "SS126": Teaching(ERROR, "Debian and Ubuntu images ship without package lists, so "
                      "`apt-get install` alone stops with \"Unable to locate package\": run "
                      "`apt-get update &&` in the same RUN line.",
                      (_RUN_STEPS, "apt-get-fails-in-docker-build-exit-code-100")),
    "SS127": Teaching(ERROR, "The Python of Debian 12 and Ubuntu 23.04 or later belongs to apt, "
                      "and pip refuses to install into it (\"externally-managed-environment\"). "
                      "Start from a `python:` image, or install into a virtual environment.",
                      (_RUN_STEPS, "pip-install-fails-with-externally-managed-environment")),
    "SS128": Teaching(WARNING, "The health check runs inside the container, with the image's own "
                      "programs: slim, Alpine and distroless images have no curl, so the check "
                      "fails and the container turns unhealthy while the app works. Install curl, "
                      "or use a tool the image has (`wget` on Alpine).",
                      ("dockerfile-instructions-compared", "health-starting-unhealthy-and-how-checks-are-counted")),  # noqa: E501
    "SS129": Teaching(ERROR, "`scratch` is empty: no shell, so RUN and shell-form CMD or "
                      "ENTRYPOINT cannot run there. Build in an earlier stage, copy the result "
                      "in, and start it in exec form.", ("image", "base-images-and-the-empty-scratch-image")),  # noqa: E501
    "SS130": Teaching(INFO, "A layer cannot take files out of the layers below it: deleting in "
                      "a RUN of its own only hides them, and the image stays as big. Clean up in "
                      "the same RUN that made the files.",
                      ("layers", "why-deleting-files-in-a-later-layer-does-not-shrink-an-image")),
    "SS131": Teaching(WARNING, "A changed owner or mode is a changed file: the new layer stores "
                      "every copied file again, and the image grows by their size. Set them as "
                      "the files arrive, with `COPY --chown=… --chmod=…`.",
                      ("smaller-images", "chown-or-chmod-in-a-later-step-doubles-the-size")),
    "SS132": Teaching(WARNING, "A copied file keeps the mode it has in the build context: a "
                      "script without its execute bit there (a Windows checkout, a fresh download) "
                      "stops the container with \"permission denied\". Copy it with "
                      "`--chmod=755`, or `RUN chmod +x` it.",
                      ("container-exit-codes", "entrypoint-script-permission-denied-not-executable")),  # noqa: E501
    "SS133": Teaching(ERROR, "An install step reads the dependency list from the image, not "
                      "from your project folder: before a COPY brings it in there is none, and npm "
                      "stops with ENOENT, pip with \"Could not open requirements file\". Copy the "
                      "list first, then install.",
                      ("build-context-and-copy-errors", "why-copy-package-json-before-the-rest-of-the-code")),  # noqa: E501
    "SS134": Teaching(ERROR, "Exec form starts the program with no shell, so `&&`, `|`, `;` and "
                      "`>` reach it as plain arguments instead of joining commands. Write the line "
                      "in shell form, or run it through `sh -c`.", _FORMS),
    "SS135": Teaching(WARNING, "Published ports reach the container's own network interface, "
                      "never its localhost: a server listening on 127.0.0.1, the default of many "
                      "development servers, answers \"connection refused\" or \"empty reply\" "
                      "from your machine. Make it listen on 0.0.0.0.",
                      ("container-networking-basics", "a-server-in-a-container-must-listen-on-0-0-0-0")),  # noqa: E501
}  # fmt: skip
_DEFAULT_DL = ("dockerfile", "the-main-dockerfile-instructions")


def teaching_for(code: str, level: str = "warning") -> Teaching:
    """What a rule means for a learner; a hadolint rule without a note of its own keeps
    hadolint's level and points to the Dockerfile topic (ShellCheck's to RUN's shell)."""
    if code in TEACHINGS:
        return TEACHINGS[code]
    where = _SHELL if code.startswith("SC") else _DEFAULT_DL
    return Teaching(_SEVERITIES.get(level, INFO), "", where)
