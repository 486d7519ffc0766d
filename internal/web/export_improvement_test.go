package web

// FormatValue lets the tests show an engine's figure as the pages do.
var FormatValue = formatValue
