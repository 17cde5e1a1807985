#!/usr/bin/env bash
# Validates deploy/kubernetes/*.yaml against the Kubernetes API schemas, offline, with
# kubernetes-validate (PyPI, which ships the schemas of every Kubernetes release): --strict, so
# that a misspelt or misplaced field is an error, not silently dropped by the API server. Then
# shows the check can fail: a manifest with an unknown field and one with a wrong type must be
# rejected. Where `unshare -n` works (root on Linux) the validator runs with no network at all.
#
#   bash scripts/kubernetes-validate-test.sh   installs kubernetes-validate with pip when missing
set -euo pipefail
cd "$(dirname "$0")/.."
version=1.37.0   # the validator, pinned; it validates against Kubernetes 1.37 by default
command -v kubernetes-validate >/dev/null 2>&1 || python3 -m pip install -q "kubernetes-validate==$version"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

offline=()
if unshare -n true 2>/dev/null; then offline=(unshare -n); fi
validate() { "${offline[@]}" kubernetes-validate --strict --quiet "$@"; }

validate deploy/kubernetes/*.yaml
manifest=deploy/kubernetes/creditcast-forecast-job.yaml
sed 's/^  completionMode: Indexed/  completionMode: Indexed\n  completionsMode: Indexed/' "$manifest" >"$work/unknown-field.yaml"
sed 's/^  completions: 8 .*/  completions: eight/' "$manifest" >"$work/wrong-type.yaml"
for broken in unknown-field wrong-type; do
    ! cmp -s "$manifest" "$work/$broken.yaml" || { echo "kubernetes-validate-test.sh: $broken.yaml was not broken" >&2; exit 1; }
    if validate "$work/$broken.yaml" >/dev/null 2>&1; then
        echo "kubernetes-validate-test.sh: a manifest with a $broken passed validation" >&2
        exit 1
    fi
done
echo "kubernetes-validate-test.sh: passed; the manifests are valid${offline:+ (offline)} and broken ones (an unknown field, a wrong type) are rejected" >&2
