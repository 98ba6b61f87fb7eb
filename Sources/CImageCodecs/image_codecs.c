#include "image_codecs.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

static void set_message(char *message, size_t message_size, const char *text) {
    if (message_size == 0) return;
    snprintf(message, message_size, "%s", text);
}

// ---------------------------------------------------------------------------------------------
// JPEG

/// libjpeg's error manager extended with the place to jump back to and the first message.
typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf escape;
    char text[JMSG_LENGTH_MAX];
} d2l_jpeg_error;

/// Called for fatal errors: keep the message and jump back instead of exit().
static void d2l_jpeg_error_exit(j_common_ptr cinfo) {
    d2l_jpeg_error *error = (d2l_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, error->text);
    longjmp(error->escape, 1);
}

/// Called for warnings (level -1) and trace messages (level >= 0). A warning means the data is
/// damaged (libjpeg would go on and fill the missing rows with grey), so it is an error here.
static void d2l_jpeg_emit_message(j_common_ptr cinfo, int msg_level) {
    if (msg_level >= 0) return;
    d2l_jpeg_error_exit(cinfo);
}

/// Never print to stderr.
static void d2l_jpeg_output_message(j_common_ptr cinfo) { (void)cinfo; }

int d2l_decode_jpeg(const unsigned char *data, size_t size, int channels_wanted, d2l_image *out,
                    char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    if (size == 0) {
        set_message(message, message_size, "the file is empty");
        return 1;
    }
    if (channels_wanted != 0 && channels_wanted != 1 && channels_wanted != 3) {
        set_message(message, message_size, "a JPEG decodes to 1 or 3 channels");
        return 1;
    }
    struct jpeg_decompress_struct cinfo;
    d2l_jpeg_error error;
    // Volatile: its value after a longjmp must be the one stored before it.
    unsigned char *volatile pixels = NULL;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&error.base);
    error.base.error_exit = d2l_jpeg_error_exit;
    error.base.emit_message = d2l_jpeg_emit_message;
    error.base.output_message = d2l_jpeg_output_message;
    error.text[0] = 0;
    if (setjmp(error.escape)) {
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        set_message(message, message_size, error.text[0] ? error.text : "not a readable JPEG");
        return 1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (channels_wanted == 1) {
        cinfo.out_color_space = JCS_GRAYSCALE;
    } else if (channels_wanted == 3 || cinfo.jpeg_color_space != JCS_GRAYSCALE) {
        cinfo.out_color_space = JCS_RGB;
    }
    jpeg_start_decompress(&cinfo);
    size_t width = cinfo.output_width, height = cinfo.output_height;
    size_t channels = (size_t)cinfo.output_components;
    if (width == 0 || height == 0 || width * height > D2L_IMAGE_MAX_BYTES / channels) {
        snprintf(error.text, sizeof error.text, "a %zux%zu image is too large to decode", width, height);
        longjmp(error.escape, 1);
    }
    pixels = malloc(width * height * channels);
    if (pixels == NULL) {
        snprintf(error.text, sizeof error.text, "out of memory for a %zux%zu image", width, height);
        longjmp(error.escape, 1);
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels + (size_t)cinfo.output_scanline * width * channels;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    out->pixels = pixels;
    out->width = (int)width;
    out->height = (int)height;
    out->channels = (int)channels;
    return 0;
}

// ---------------------------------------------------------------------------------------------
// PNG, through libpng's simplified API (png_image), which catches libpng's own errors.

static png_uint_32 png_format_for(int channels) {
    switch (channels) {
    case 1: return PNG_FORMAT_GRAY;
    case 2: return PNG_FORMAT_GA;
    case 3: return PNG_FORMAT_RGB;
    case 4: return PNG_FORMAT_RGBA;
    default: return 0xFFFFFFFF;
    }
}

int d2l_decode_png(const unsigned char *data, size_t size, int channels_wanted, d2l_image *out,
                   char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    if (size == 0) {
        set_message(message, message_size, "the file is empty");
        return 1;
    }
    if (channels_wanted != 0 && channels_wanted != 1 && channels_wanted != 3 && channels_wanted != 4) {
        set_message(message, message_size, "a PNG decodes to 1, 3 or 4 channels");
        return 1;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        set_message(message, message_size, image.message[0] ? image.message : "not a readable PNG");
        png_image_free(&image);
        return 1;
    }
    int channels = channels_wanted;
    if (channels == 0) {
        int colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
        int alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
        channels = (colour ? 3 : 1) + (alpha ? 1 : 0);
    }
    image.format = png_format_for(channels);
    size_t width = image.width, height = image.height;
    if (width == 0 || height == 0 || width * height > D2L_IMAGE_MAX_BYTES / (size_t)channels) {
        char text[96];
        snprintf(text, sizeof text, "a %zux%zu image is too large to decode", width, height);
        set_message(message, message_size, text);
        png_image_free(&image);
        return 1;
    }
    unsigned char *pixels = malloc(width * height * (size_t)channels);
    if (pixels == NULL) {
        set_message(message, message_size, "out of memory");
        png_image_free(&image);
        return 1;
    }
    png_color white = {255, 255, 255};
    if (!png_image_finish_read(&image, &white, pixels, 0, NULL)) {
        set_message(message, message_size, image.message[0] ? image.message : "not a readable PNG");
        png_image_free(&image);
        free(pixels);
        return 1;
    }
    out->pixels = pixels;
    out->width = (int)width;
    out->height = (int)height;
    out->channels = channels;
    return 0;
}

int d2l_encode_png(const unsigned char *pixels, int width, int height, int channels,
                   unsigned char **png, size_t *png_size, char *message, size_t message_size) {
    *png = NULL;
    *png_size = 0;
    if (width <= 0 || height <= 0 || channels < 1 || channels > 4) {
        set_message(message, message_size, "a PNG needs a positive size and 1 to 4 channels");
        return 1;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = png_format_for(channels);
    // One pass into a buffer of libpng's worst-case size (compressing is most of the cost, so
    // measuring first with a second call would double it), then trimmed to what was written.
    size_t size = PNG_IMAGE_PNG_SIZE_MAX(image);
    unsigned char *buffer = malloc(size);
    if (buffer == NULL) {
        set_message(message, message_size, "out of memory");
        return 1;
    }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, 0, NULL)) {
        set_message(message, message_size, image.message[0] ? image.message : "PNG encoding failed");
        png_image_free(&image);
        free(buffer);
        return 1;
    }
    unsigned char *trimmed = realloc(buffer, size > 0 ? size : 1);
    if (trimmed != NULL) buffer = trimmed;
    *png = buffer;
    *png_size = size;
    return 0;
}

void d2l_image_free(void *pointer) { free(pointer); }
