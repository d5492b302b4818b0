class ValidationError(ValueError):
    def __init__(self, field, msg):
        super().__init__(f"{field}: {msg}")
        self.field = field
def validate(user):
    if not user.get("name"):
        raise ValidationError("name", "required")
    if not 0 <= user.get("age", 0) <= 150:
        raise ValidationError("age", "out of range")
    return True
for u in [{"name": "a", "age": 5}, {"age": 5}, {"name": "b", "age": 200}]:
    try:
        print(validate(u))
    except ValueError as e:
        print(type(e).__name__, e.field, str(e), isinstance(e, ValidationError))
raise ValidationError("email", "invalid format")
