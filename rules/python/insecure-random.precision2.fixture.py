# The name or alias under which a secret is stored identifies it, like a file name: making it unique with uuid1() or
# random leaks nothing. The secret's value made the same way is still a finding.
import random
import string
import uuid


class SecretMount:
    def __init__(self, secret_name):
        self.secret_name = secret_name

    def alias_for(self, aliases):
        # ok: insecure-random
        new_alias = self.secret_name[:5] + "-" + str(uuid.uuid1())
        aliases[new_alias] = self
        return new_alias


def local_secret_name(remote_name):
    # ok: insecure-random
    secret_name = remote_name.lower()[:5] + "-" + str(uuid.uuid1())
    return secret_name


def new_shared_secret():
    # expect: insecure-random
    shared_secret = "".join(random.choice(string.ascii_letters) for _ in range(32))
    return shared_secret


def mount_token():
    # expect: insecure-random
    token = str(uuid.uuid1())
    return token
