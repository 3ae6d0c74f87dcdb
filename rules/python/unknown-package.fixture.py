import json
# ok: unknown-package
from flask import Flask, request
# expect: unknown-package
from stripe_webhook_verify import verify_signature
# expect: unknown-package, undeclared-dependency
import invoice_pdf_renderer
# ok: unknown-package
from billing import ledger

app = Flask(__name__)


@app.post("/webhook")
def webhook():
    event = verify_signature(request.data, request.headers.get("Stripe-Signature"))
    ledger.record(json.loads(event.payload))
    return invoice_pdf_renderer.render(event.invoice_id)
