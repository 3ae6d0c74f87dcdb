# FastAPI routes return JSON unless they declare an HTML response, also when the app is made in another module.
from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from .main import app

router = APIRouter()


@app.get("/hello")
def hello(name: str):
    # ok: xss
    return f"Hello {name}"


@app.get("/page", response_class=HTMLResponse)
def page(name: str):
    # expect: xss
    return f"<h1>Hello {name}</h1>"
