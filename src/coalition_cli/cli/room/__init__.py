"""The terminal side of `coalition room`: the links, the QR code and the live count."""
