"""The facilitator's session of `coalition assess`."""
