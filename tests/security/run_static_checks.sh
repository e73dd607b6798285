#!/usr/bin/env bash
# Static security checks for CI (.ci/run calls this after the test suites):
#  1. bandit over the project's own code: no finding of medium severity or above. A finding
#     that is safe must be justified where it is, with `# nosec BXXX - <reason>`.
#  2. pip-audit over requirements.lock. It needs the vulnerability data from the network; when
#     that is unreachable (no package could be looked up) it says so and does not fail CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=.venv/bin
status=0

apps=()
for dir in core catalogue moderation accounts articles forum newsletter search mybcteam; do
  [ -d "$dir" ] && apps+=("$dir")
done

echo "== bandit (medium and high severity) on: ${apps[*]}"
if ! "$BIN/bandit" -q -r "${apps[@]}" -x '*/migrations/*' --severity-level medium \
    -f custom --msg-template '{relpath}:{line} {test_id} [{severity}] {msg}'; then
  echo "bandit: findings above; fix them or justify each in place with '# nosec BXXX - reason'"
  status=1
fi

echo "== pip-audit on requirements.lock"
report=$(mktemp)
trap 'rm -f "$report"' EXIT
audit_rc=0
"$BIN/pip-audit" -r requirements.lock --no-deps --disable-pip --progress-spinner off \
  --timeout 10 -f json -o "$report" 2>/dev/null || audit_rc=$?
"$BIN/python" - "$report" "$audit_rc" <<'PY' || status=1
import json
import sys

path, rc = sys.argv[1], int(sys.argv[2])
try:
    with open(path, encoding="utf-8") as handle:
        dependencies = json.load(handle)["dependencies"]
except (OSError, ValueError, KeyError):
    dependencies = []
audited = [d for d in dependencies if "skip_reason" not in d]
if not audited:
    print("pip-audit: SKIPPED - the vulnerability database is unreachable from here (no "
          f"package of {len(dependencies)} could be looked up); run it where the network is.")
    sys.exit(0)
vulnerable = [d for d in audited if d.get("vulns")]
for dependency in vulnerable:
    ids = ", ".join(v["id"] for v in dependency["vulns"])
    print(f"pip-audit: {dependency['name']} {dependency['version']}: {ids}")
print(f"pip-audit: {len(audited)} packages audited, {len(vulnerable)} with known vulnerabilities")
sys.exit(1 if vulnerable or rc not in (0, 1) else 0)
PY

exit "$status"
