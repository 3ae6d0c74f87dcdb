"""Django views where one state-changing view lacks the decorator its siblings use, and the fixed sibling."""
from django.contrib.auth.decorators import login_required, permission_required
from django.http import JsonResponse
from django.views.decorators.http import require_POST


@login_required
def profile(request):
    return JsonResponse({"user": request.user.username})


@require_POST
@login_required
def update_profile(request):
    request.user.first_name = request.POST["first_name"]
    request.user.save()
    return JsonResponse({"ok": True})


# expect: missing-authorization
@require_POST
def delete_account(request):
    request.user.delete()
    return JsonResponse({"ok": True})


# ok: missing-authorization
@require_POST
@permission_required("accounts.delete_user")
def delete_any_account(request):
    return JsonResponse({"ok": True})


from rest_framework import generics, viewsets  # noqa: E402
from rest_framework.permissions import AllowAny, IsAuthenticated  # noqa: E402


class DocumentViewSet(viewsets.ModelViewSet):
    serializer_class = None
    # expect: missing-authorization
    permission_classes = [AllowAny]


class DocumentViewSetFixed(viewsets.ModelViewSet):
    serializer_class = None
    # ok: missing-authorization
    permission_classes = [IsAuthenticated]


class SignupView(generics.CreateAPIView):
    # ok: missing-authorization
    permission_classes = [AllowAny]
