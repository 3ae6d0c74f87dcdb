# A log line that labels a check's outcome ("valid token: True") writes a flag about the credential, not the credential.
# The credential itself under the same label is still a finding.
import logging

log = logging.getLogger(__name__)


def check_request(validator, request):
    valid_client = validator.check_client(request.client_id)
    valid_bearer = validator.check_token(request.access_token)
    if not (valid_client and valid_bearer):
        log.info("Valid client: %s", valid_client)
        # ok: sensitive-data-logged
        log.info("Valid token: %s", valid_bearer)
    return valid_client and valid_bearer


def refresh(request, issued):
    # expect: sensitive-data-logged
    log.info("Refreshed token: %s", issued)
    # expect: sensitive-data-logged
    log.debug("Incoming refresh token %s for %r", request.refresh_token, request.client_id)
