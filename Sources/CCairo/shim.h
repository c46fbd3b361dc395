// Cairo's drawing API and the three vector/raster back ends the maps use:
// image surfaces (PNG), SVG and PDF.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
