"""Prints the JSON body of benchmark course number N (argv 1): four lessons and a quiz of five questions."""
import json
import sys

n = int(sys.argv[1])
topic = ["tickets", "invoices", "orders", "returns", "onboarding", "safety", "privacy", "escalations"][n % 8]
lessons = [
    {"title": "Before you start with %s" % topic,
     "markdown": "Read the whole request about %s before you act.\n\nCheck the account and the history first." % topic},
    {"title": "Doing the work", "markdown": "Write an internal note for every step so that a colleague can take over."},
    {"title": "When to escalate", "markdown": "Escalate when the fix needs a change you are not allowed to make."},
    {"title": "Closing", "markdown": "Close with a short summary of the cause and the fix, after the customer confirms."},
]
questions = [
    {"kind": "SINGLE_CHOICE", "prompt": "What do you read before you act on %s? (%d)" % (topic, n),
     "options": ["The whole request", "The subject line", "Nothing"], "correct": [0], "explanation": "The whole request."},
    {"kind": "SINGLE_CHOICE", "prompt": "What do you check first?", "options": ["The account and history", "The weather",
     "The price list"], "correct": [0], "explanation": "Account and history."},
    {"kind": "SINGLE_CHOICE", "prompt": "Why write internal notes?", "options": ["So a colleague can take over",
     "To fill time", "For the customer"], "correct": [0], "explanation": "So work can be handed over."},
    {"kind": "SINGLE_CHOICE", "prompt": "When do you escalate?", "options": ["When the fix needs a change you may not make",
     "Always", "Never"], "correct": [0], "explanation": "When you may not make the change."},
    {"kind": "SINGLE_CHOICE", "prompt": "When do you close?", "options": ["After the customer confirms", "At once",
     "After a week"], "correct": [0], "explanation": "After the customer confirms."},
]
print(json.dumps({
    "title": "Bench course %04d: %s" % (n, topic),
    "description": "A benchmark course about %s." % topic,
    "riskTier": "LOW", "tierReason": "benchmark data",
    "objectives": ["Handle %s from start to finish" % topic],
    "lessons": lessons,
    "quiz": {"passMark": 60, "questions": questions},
}))
