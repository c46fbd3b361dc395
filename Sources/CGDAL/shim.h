// GDAL's C API for vector data (OGR), its spatial references and its error
// state. Only GeoFormats imports this, so Geo stays free of GDAL.
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
