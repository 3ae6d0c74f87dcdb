# A module-level DEBUG in a script that never hands it to a web framework turns no debug mode on; a debug switch passed
# to the framework does.
import logging

import uvicorn
from fastapi import FastAPI

# ok: debug-enabled
DEBUG = True

logging.basicConfig(level=logging.DEBUG if DEBUG else logging.INFO)

# expect: debug-enabled
app = FastAPI(debug=True)


def serve():
    uvicorn.run("service.api:app", host="127.0.0.1", port=8000)
