// libjpeg-turbo (Debian: libjpeg62-turbo-dev), for decoding JPEG photos (§13.1 on).
// jpeglib.h uses FILE and size_t without including their headers itself.
#include <stdio.h>
#include <jpeglib.h>
