/* A stand-in for Windows' icuuc.dll, for the Wine smoke test only (never shipped).
 *
 * Qt6Core.dll links the ucnv_* converter functions of the ICU that Windows 10 and 11
 * carry in system32; Wine 8 has no icuuc.dll, so without this the program cannot even
 * load there. Qt uses ICU converters only for legacy encodings the program never asks
 * for; here every converter "fails to open" and Qt falls back to its own UTF-8/UTF-16.
 * Built by build/wine_build.py with mingw-w64 into the Wine prefix's system32.
 */
#include <stddef.h>
#include <stdint.h>

typedef int32_t UErrorCode;
#define U_FILE_ACCESS_ERROR 4
#define EXPORT __declspec(dllexport)

EXPORT void *ucnv_open(const char *name, UErrorCode *status) {
    (void)name;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT void ucnv_close(void *converter) { (void)converter; }
EXPORT void ucnv_reset(void *converter) { (void)converter; }
EXPORT int8_t ucnv_getMaxCharSize(const void *converter) { (void)converter; return 4; }
EXPORT const char *ucnv_getName(const void *converter, UErrorCode *status) {
    (void)converter;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return "";
}
EXPORT void ucnv_getToUCallBack(const void *c, void **action, const void **context) {
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_getFromUCallBack(const void *c, void **action, const void **context) {
    (void)c;
    if (action) *action = NULL;
    if (context) *context = NULL;
}
EXPORT void ucnv_setToUCallBack(void *c, void *a, const void *ctx, void **oa,
                                const void **octx, UErrorCode *status) {
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx;
    if (status) *status = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_setFromUCallBack(void *c, void *a, const void *ctx, void **oa,
                                  const void **octx, UErrorCode *status) {
    (void)c; (void)a; (void)ctx; (void)oa; (void)octx;
    if (status) *status = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const uint16_t **s,
                             const uint16_t *sl, int32_t *o, int8_t f, UErrorCode *status) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f;
    if (status) *status = U_FILE_ACCESS_ERROR;
}
EXPORT void ucnv_toUnicode(void *c, uint16_t **t, const uint16_t *tl, const char **s,
                           const char *sl, int32_t *o, int8_t f, UErrorCode *status) {
    (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f;
    if (status) *status = U_FILE_ACCESS_ERROR;
}
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard,
                                        UErrorCode *status) {
    (void)name; (void)standard;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return NULL;
}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *status) {
    (void)c; (void)status; return 0;
}
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *status) {
    (void)c; (void)status; return 0;
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const uint16_t *source, int32_t length,
                                  int32_t offset, UErrorCode *status) {
    (void)args; (void)source; (void)length; (void)offset; (void)status;
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const uint16_t **source,
                                    const uint16_t *limit, int32_t offset,
                                    UErrorCode *status) {
    (void)args; (void)source; (void)limit; (void)offset; (void)status;
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args, const char *units,
                                          int32_t length, int32_t reason,
                                          UErrorCode *status) {
    (void)ctx; (void)args; (void)units; (void)length; (void)reason; (void)status;
}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *ctx, void *args,
                                            const uint16_t *units, int32_t length,
                                            int32_t cp, int32_t reason,
                                            UErrorCode *status) {
    (void)ctx; (void)args; (void)units; (void)length; (void)cp; (void)reason; (void)status;
}
