// Formatting helpers shared by the API's responses.
function formatPrice(cents, currency = 'EUR') {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
}

module.exports = { formatPrice };
