#!/usr/bin/env bash
# Checks a cluster started by bench/cluster.sh through its balancer, as a browser and as an API client would. HAProxy
# sends requests round robin, so consecutive requests land on different nodes; every line names the node that
# answered (the X-Stride-Node header).
#   1. pages: the sign-in form from one node is sent to the next (its CSRF token is in the shared session), then PAGES
#      pages (20) in a row must each answer 200 signed in; a form posted on one node shows its notice on the next;
#      signing out on one node ends the session on all;
#   2. API journey with tokens: an admin makes a team, a manager and a learner; the manager drafts from text, writes
#      and publishes a course and assigns it; the learner finds it and passes its quiz, the retry with the same
#      Idempotency-Key lands on another node and returns the same attempt; the manager reads the team's progress;
#   3. the sign-in throttle: wrong passwords spread over the nodes make the next attempt wait on every node.
# Exit status 0 when every step passed, 1 otherwise (the failed steps are marked FAILED).
# Environment: BASE (http://127.0.0.1:8140), PAGES (20), ADMIN_EMAIL and ADMIN_PASSWORD (from target/cluster/cluster.env).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f target/cluster/cluster.env ]; then . target/cluster/cluster.env; fi
BASE=${BASE:-http://127.0.0.1:8140}
PAGES=${PAGES:-20}
NODES=${NODES:-2}
ADMIN_EMAIL=${ADMIN_EMAIL:-cluster-admin@cluster.test}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-cluster-admin-password}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=$WORK/cookies
passed=0 failed=0
declare -A per_node=()

# one request; prints "status|node|location" (location empty unless a redirect), the body goes to $WORK/body
request() {
  curl -s -o "$WORK/body" --max-time 30 -w '%{http_code}|%header{x-stride-node}|%header{location}\n' "$@" || echo "000|-|"
}

# the verdict of one step: expected status, actual status, node, what was done[, extra condition 0/1]
verdict() {
  local expect=$1 status=$2 node=${3:-none} what=$4 extra=${5:-0}
  per_node[$node]=$(( ${per_node[$node]:-0} + 1 ))
  if [ "$status" = "$expect" ] && [ "$extra" = 0 ]; then
    passed=$(( passed + 1 )); printf '   %-7s %s  %-60s ok\n' "$node" "$status" "$what"
  else
    failed=$(( failed + 1 )); printf '   %-7s %s  %-60s FAILED (expected %s)\n' "$node" "$status" "$what" "$expect"
  fi
}

json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$WORK/body" "$1"; }

csrf_of_body() { grep -o '<input[^>]*name="_csrf"[^>]*>' "$WORK/body" | head -n 1 | sed 's/.*value="\([^"]*\)".*/\1/' || true; }

echo "== through $BASE ($NODES nodes)"
echo "-- pages, signed in as $ADMIN_EMAIL"
IFS='|' read -r status node _ < <(request -c "$JAR" "$BASE/login")
csrf=$(csrf_of_body)
verdict 200 "$status" "$node" "GET /login (the form and its CSRF token)" "$([ -n "$csrf" ] && echo 0 || echo 1)"
IFS='|' read -r status node location < <(request -b "$JAR" -c "$JAR" -X POST "$BASE/login" \
  --data-urlencode "email=$ADMIN_EMAIL" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf")
verdict 302 "$status" "$node" "POST /login on the next node -> ${location#"$BASE"}" "$([[ "$location" != *login* ]] && echo 0 || echo 1)"

paths=(/home /learning /catalogue /teams /profile /admin/people /courses /analytics/library /notifications /my/tracks)
for i in $(seq 1 "$PAGES"); do
  path=${paths[$(( (i - 1) % ${#paths[@]} ))]}
  IFS='|' read -r status node location < <(request -b "$JAR" -c "$JAR" "$BASE$path")
  verdict 200 "$status" "$node" "GET $path${location:+ -> $location}" "$(grep -q 'id="profile-link"' "$WORK/body" && echo 0 || echo 1)"
done

IFS='|' read -r _ _ _ < <(request -b "$JAR" -c "$JAR" "$BASE/notifications")
csrf=$(csrf_of_body)
IFS='|' read -r status node _ < <(request -b "$JAR" -c "$JAR" -X POST "$BASE/notifications/read" --data-urlencode "_csrf=$csrf")
verdict 302 "$status" "$node" "POST /notifications/read (a form with its CSRF token)"
IFS='|' read -r status node _ < <(request -b "$JAR" -c "$JAR" "$BASE/notifications")
verdict 200 "$status" "$node" "GET /notifications shows the form's notice" \
  "$(grep -Eq 'Nothing was unread\.|Marked [0-9]+ as read\.' "$WORK/body" && echo 0 || echo 1)"
csrf=$(csrf_of_body)
IFS='|' read -r status node location < <(request -b "$JAR" -c "$JAR" -X POST "$BASE/logout" --data-urlencode "_csrf=$csrf")
verdict 302 "$status" "$node" "POST /logout -> ${location#"$BASE"}"
for _ in $(seq 1 "$NODES"); do
  IFS='|' read -r status node location < <(request -b "$JAR" "$BASE/learning")
  verdict 302 "$status" "$node" "GET /learning after signing out -> ${location#"$BASE"}" "$([[ "$location" == */login ]] && echo 0 || echo 1)"
done

echo "-- API journey with tokens"
stamp="$(date -u +%H%M%S)-$$"
token_for() { # email password -> prints the token
  IFS='|' read -r status node _ < <(request -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/token" \
    --data "{\"email\":\"$1\",\"password\":\"$2\"}")
  verdict 201 "$status" "$node" "POST /api/v1/auth/token as $1" >&2
  [ "$status" = 201 ] && json 'd["token"]' || echo ""
}
api() { # token, expected status, method, path[, body[, extra header]]
  local token=$1 expect=$2 method=$3 path=$4 body=${5:-} header=${6:-}
  IFS='|' read -r status node _ < <(request -X "$method" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' ${header:+-H "$header"} ${body:+--data "$body"} "$BASE$path")
  verdict "$expect" "$status" "$node" "$method $path"
  [ "$status" = "$expect" ]
}
admin=$(token_for "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
if [ -n "$admin" ]; then
  api "$admin" 201 POST /api/v1/teams "{\"name\":\"Cluster check $stamp\"}" && team=$(json 'd["id"]')
  manager="manager-$stamp@cluster.test" learner="learner-$stamp@cluster.test" password="cluster-check-$stamp"
  api "$admin" 201 POST /api/v1/people "{\"name\":\"Manager $stamp\",\"email\":\"$manager\",\"password\":\"$password\",\"teamIds\":[],\"manages\":[\"$team\"],\"roles\":[]}" || true
  api "$admin" 201 POST /api/v1/people "{\"name\":\"Learner $stamp\",\"email\":\"$learner\",\"password\":\"$password\",\"teamIds\":[\"$team\"],\"manages\":[],\"roles\":[]}" || true
  mtoken=$(token_for "$manager" "$password")
  ltoken=$(token_for "$learner" "$password")
  # a draft from text: the job runs on whichever node took the request; the answer carries the whole draft
  IFS='|' read -r status node _ < <(request -X POST -H "Authorization: Bearer $mtoken" "$BASE/api/v1/drafts" \
    -F "text=Escalations go to the duty manager within one hour. The duty manager writes the customer within four hours. Every escalation is closed with a written summary for the account team.")
  verdict 201 "$status" "$node" "POST /api/v1/drafts (text)" "$(json '0 if len(d["modules"]) > 0 else 1' 2>/dev/null || echo 1)"
  course='{"title":"Escalations '"$stamp"'","description":"Who does what.","lessons":[{"title":"The hour","markdown":"Escalations go to the duty manager within one hour."}],"quiz":{"passMark":80,"questions":[{"kind":"SINGLE_CHOICE","prompt":"Who takes an escalation?","options":["The duty manager","Anyone"],"correct":[0],"explanation":"The duty manager, within the hour."}]}}'
  if api "$mtoken" 201 POST /api/v1/courses "$course"; then
    course_id=$(json 'd["id"]')
    api "$mtoken" 200 POST "/api/v1/courses/$course_id/publish" || true
    api "$mtoken" 201 POST "/api/v1/courses/$course_id/assignments" "{\"teamId\":\"$team\",\"dueDate\":\"$(date -u -d '+14 days' +%F)\"}" || true
    api "$ltoken" 200 GET /api/v1/me/learning && grep -q "$course_id" "$WORK/body" \
      || { failed=$(( failed + 1 )); echo "   FAILED: the learner's list does not hold the assigned course"; }
    api "$mtoken" 200 GET "/api/v1/courses/$course_id" && question=$(json 'd["quiz"]["questions"][0]["id"]')
    answers="{\"answers\":[{\"questionId\":\"$question\",\"selected\":[0]}]}"
    api "$ltoken" 201 POST "/api/v1/courses/$course_id/attempts" "$answers" "Idempotency-Key: check-$stamp" \
      && first=$(json 'd["attemptId"]') && passed_quiz=$(json 'd["passed"]')
    api "$ltoken" 201 POST "/api/v1/courses/$course_id/attempts" "$answers" "Idempotency-Key: check-$stamp" || true
    again=$(json 'd.get("attemptId")' 2>/dev/null || echo "")
    if [ "${passed_quiz:-}" = True ] && [ -n "${first:-}" ] && [ "$again" = "$first" ]; then
      echo "   the retry on another node returned the same attempt ($first), passed"
    else
      failed=$(( failed + 1 )); echo "   FAILED: first attempt ${first:-none} (passed ${passed_quiz:-?}), retry answered ${again:-none}"
    fi
    api "$mtoken" 200 GET "/api/v1/teams/$team/progress" \
      && [ "$(json '[r["status"] for r in d if r["courseId"] == "'"$course_id"'"]')" = "['PASSED']" ] \
      || { failed=$(( failed + 1 )); echo "   FAILED: the team's progress does not show the learner passed"; }
  fi
fi

echo "-- the sign-in throttle counts once across nodes"
# five wrong passwords for an unknown email, round robin over the nodes; the sixth attempt must wait whichever node
# it reaches (the counts are in the database: ADR 0044). Five failures of this address stay counted for 15 minutes.
nobody="nobody-$stamp@cluster.test"
for i in 1 2 3 4 5; do
  IFS='|' read -r status node _ < <(request -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/token" \
    --data "{\"email\":\"$nobody\",\"password\":\"wrong-$i\"}")
  verdict 401 "$status" "$node" "POST /api/v1/auth/token, wrong password $i"
done
for _ in $(seq 1 "$NODES"); do
  IFS='|' read -r status node _ < <(request -X POST -H 'Content-Type: application/json' "$BASE/api/v1/auth/token" \
    --data "{\"email\":\"$nobody\",\"password\":\"wrong-6\"}")
  verdict 429 "$status" "$node" "POST /api/v1/auth/token, sixth try waits on every node"
done

echo "== summary"
spread=""; for node in "${!per_node[@]}"; do spread+="$node ${per_node[$node]}, "; done
echo "   $passed steps passed, $failed failed; answered by ${spread%, }"
if [ "$failed" -eq 0 ]; then echo "   PASS"; else echo "   FAIL"; exit 1; fi
