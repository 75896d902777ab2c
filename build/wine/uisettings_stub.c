/* A stand-in for the WinRT class Windows.UI.ViewManagement.UISettings, for the Wine
 * smoke test only (never shipped, never installed on a user's machine).
 *
 * With its real platform plugin (-platform windows), Qt 6.10's Windows theme activates
 * UISettings to read the accent colours (qwindowstheme.cpp, qt_accentColor). Wine 8
 * has no such class: C++/WinRT throws "class not registered" and the process ends with
 * c0000409. This DLL exports DllGetActivationFactory; the factory's ActivateInstance
 * gives one object implementing IUISettings and IUISettings3, whose GetColorValue
 * answers Windows 10's default light colours. build/wine_build.py compiles it with
 * mingw-w64 into the Wine prefix's system32 and registers it under
 * HKLM\Software\Microsoft\WindowsRuntime\ActivatableClassId\Windows.UI.ViewManagement.UISettings
 * (DllPath, ActivationType = 0), the key Wine 8's combase reads.
 *
 * Plain C COM: one static object (reference counts are not needed for a test stub
 * that lives as long as the process), two interface pointers in it.
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdint.h>
#include <string.h>

#define EXPORT __declspec(dllexport)

typedef struct { BYTE A, R, G, B; } WinColor; /* Windows.UI.Color */
typedef struct { float Width, Height; } WinSize; /* Windows.Foundation.Size */

static const GUID IID_IUnknown_ = {0x00000000, 0x0000, 0x0000,
                                   {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
static const GUID IID_IInspectable_ = {0xAF86E2E0, 0xB12D, 0x4C6A,
                                       {0x9C, 0x5A, 0xD7, 0xAA, 0x65, 0x10, 0x1E, 0x90}};
static const GUID IID_IActivationFactory_ = {0x00000035, 0x0000, 0x0000,
                                             {0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46}};
static const GUID IID_IAgileObject_ = {0x94EA2B94, 0xE9CC, 0x49E0,
                                       {0xC0, 0xFF, 0xEE, 0x64, 0xCA, 0x8F, 0x5B, 0x90}};
static const GUID IID_IUISettings_ = {0x85361600, 0x1C63, 0x4627,
                                      {0xBC, 0xB1, 0x3A, 0x89, 0xE0, 0xBC, 0x9C, 0x55}};
static const GUID IID_IUISettings3_ = {0x03021BE4, 0x5254, 0x4781,
                                       {0x81, 0x94, 0x51, 0x68, 0xF7, 0xD0, 0x6D, 0x7B}};

static int same(REFIID a, const GUID *b) { return memcmp(a, b, sizeof(GUID)) == 0; }

/* ---- the UISettings object: IUISettings (its default interface) and IUISettings3 ---- */


typedef struct {
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(void *, REFIID, void **);
    ULONG(STDMETHODCALLTYPE *AddRef)(void *);
    ULONG(STDMETHODCALLTYPE *Release)(void *);
    HRESULT(STDMETHODCALLTYPE *GetIids)(void *, ULONG *, GUID **);
    HRESULT(STDMETHODCALLTYPE *GetRuntimeClassName)(void *, void **);
    HRESULT(STDMETHODCALLTYPE *GetTrustLevel)(void *, int *);
    HRESULT(STDMETHODCALLTYPE *get_HandPreference)(void *, int32_t *);
    HRESULT(STDMETHODCALLTYPE *get_CursorSize)(void *, WinSize *);
    HRESULT(STDMETHODCALLTYPE *get_ScrollBarSize)(void *, WinSize *);
    HRESULT(STDMETHODCALLTYPE *get_ScrollBarArrowSize)(void *, WinSize *);
    HRESULT(STDMETHODCALLTYPE *get_ScrollBarThumbBoxSize)(void *, WinSize *);
    HRESULT(STDMETHODCALLTYPE *get_MessageDuration)(void *, uint32_t *);
    HRESULT(STDMETHODCALLTYPE *get_AnimationsEnabled)(void *, BYTE *);
    HRESULT(STDMETHODCALLTYPE *get_CaretBrowsingEnabled)(void *, BYTE *);
    HRESULT(STDMETHODCALLTYPE *get_CaretBlinkRate)(void *, uint32_t *);
    HRESULT(STDMETHODCALLTYPE *get_CaretWidth)(void *, uint32_t *);
    HRESULT(STDMETHODCALLTYPE *get_DoubleClickTime)(void *, uint32_t *);
    HRESULT(STDMETHODCALLTYPE *get_MouseHoverTime)(void *, uint32_t *);
    HRESULT(STDMETHODCALLTYPE *UIElementColor)(void *, int32_t, WinColor *);
} SettingsVtbl;

typedef struct {
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(void *, REFIID, void **);
    ULONG(STDMETHODCALLTYPE *AddRef)(void *);
    ULONG(STDMETHODCALLTYPE *Release)(void *);
    HRESULT(STDMETHODCALLTYPE *GetIids)(void *, ULONG *, GUID **);
    HRESULT(STDMETHODCALLTYPE *GetRuntimeClassName)(void *, void **);
    HRESULT(STDMETHODCALLTYPE *GetTrustLevel)(void *, int *);
    HRESULT(STDMETHODCALLTYPE *GetColorValue)(void *, int32_t, WinColor *);
    HRESULT(STDMETHODCALLTYPE *add_ColorValuesChanged)(void *, void *, int64_t *);
    HRESULT(STDMETHODCALLTYPE *remove_ColorValuesChanged)(void *, int64_t);
} Settings3Vtbl;

typedef struct {
    const SettingsVtbl *settings;   /* IUnknown, IInspectable, IUISettings */
    const Settings3Vtbl *settings3; /* IUISettings3 */
} Settings;

static Settings the_settings;

static HRESULT STDMETHODCALLTYPE settings_query(void *self, REFIID iid, void **out) {
    (void)self;
    if (!out) return E_POINTER;
    if (same(iid, &IID_IUnknown_) || same(iid, &IID_IInspectable_) ||
        same(iid, &IID_IUISettings_) || same(iid, &IID_IAgileObject_)) {
        *out = &the_settings.settings;
        return S_OK;
    }
    if (same(iid, &IID_IUISettings3_)) {
        *out = &the_settings.settings3;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static ULONG STDMETHODCALLTYPE add_ref(void *self) { (void)self; return 2; }
static ULONG STDMETHODCALLTYPE release(void *self) { (void)self; return 1; }
static HRESULT STDMETHODCALLTYPE get_iids(void *self, ULONG *count, GUID **iids) {
    (void)self;
    if (count) *count = 0;
    if (iids) *iids = NULL;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_class_name(void *self, void **name) {
    (void)self;
    if (name) *name = NULL; /* an empty HSTRING */
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_trust(void *self, int *level) {
    (void)self;
    if (level) *level = 0; /* BaseTrust */
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_int(void *self, int32_t *value) {
    (void)self;
    if (value) *value = 1; /* HandPreference.RightHanded */
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_size(void *self, WinSize *value) {
    (void)self;
    if (value) value->Width = value->Height = 17.0f;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_duration(void *self, uint32_t *value) {
    (void)self;
    if (value) *value = 5;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_true(void *self, BYTE *value) {
    (void)self;
    if (value) *value = 1;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_false(void *self, BYTE *value) {
    (void)self;
    if (value) *value = 0;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_blink(void *self, uint32_t *value) {
    (void)self;
    if (value) *value = 530;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_one(void *self, uint32_t *value) {
    (void)self;
    if (value) *value = 1;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_double_click(void *self, uint32_t *value) {
    (void)self;
    if (value) *value = 500;
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE get_hover(void *self, uint32_t *value) {
    (void)self;
    if (value) *value = 400;
    return S_OK;
}

/* Windows 10's default light scheme with its default blue accent, by UIColorType:
 * Background, Foreground, AccentDark3, AccentDark2, AccentDark1, Accent, AccentLight1,
 * AccentLight2, AccentLight3, Complement. */
static const WinColor COLORS[] = {
    {0xFF, 0xFF, 0xFF, 0xFF}, {0xFF, 0x00, 0x00, 0x00}, {0xFF, 0x00, 0x26, 0x42},
    {0xFF, 0x00, 0x42, 0x75}, {0xFF, 0x00, 0x5A, 0x9E}, {0xFF, 0x00, 0x78, 0xD7},
    {0xFF, 0x42, 0x9C, 0xE3}, {0xFF, 0x76, 0xB9, 0xED}, {0xFF, 0xA6, 0xD8, 0xFF},
    {0xFF, 0xFF, 0x87, 0x28},
};

static HRESULT STDMETHODCALLTYPE color_value(void *self, int32_t kind, WinColor *value) {
    (void)self;
    if (!value) return E_POINTER;
    if (kind < 0 || kind >= (int32_t)(sizeof COLORS / sizeof COLORS[0])) return E_INVALIDARG;
    *value = COLORS[kind];
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE element_color(void *self, int32_t kind, WinColor *value) {
    (void)self; (void)kind;
    if (!value) return E_POINTER;
    *value = COLORS[1];
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE add_changed(void *self, void *handler, int64_t *token) {
    (void)self; (void)handler;
    if (token) *token = 1; /* the colours never change here */
    return S_OK;
}
static HRESULT STDMETHODCALLTYPE remove_changed(void *self, int64_t token) {
    (void)self; (void)token;
    return S_OK;
}

static const SettingsVtbl SETTINGS_VTBL = {
    settings_query, add_ref, release, get_iids, get_class_name, get_trust,
    get_int, get_size, get_size, get_size, get_size, get_duration, get_true, get_false,
    get_blink, get_one, get_double_click, get_hover, element_color,
};
static const Settings3Vtbl SETTINGS3_VTBL = {
    settings_query, add_ref, release, get_iids, get_class_name, get_trust,
    color_value, add_changed, remove_changed,
};
static Settings the_settings = {&SETTINGS_VTBL, &SETTINGS3_VTBL};

/* ---- the activation factory ---- */

typedef struct {
    HRESULT(STDMETHODCALLTYPE *QueryInterface)(void *, REFIID, void **);
    ULONG(STDMETHODCALLTYPE *AddRef)(void *);
    ULONG(STDMETHODCALLTYPE *Release)(void *);
    HRESULT(STDMETHODCALLTYPE *GetIids)(void *, ULONG *, GUID **);
    HRESULT(STDMETHODCALLTYPE *GetRuntimeClassName)(void *, void **);
    HRESULT(STDMETHODCALLTYPE *GetTrustLevel)(void *, int *);
    HRESULT(STDMETHODCALLTYPE *ActivateInstance)(void *, void **);
} FactoryVtbl;

typedef struct { const FactoryVtbl *vtbl; } Factory;
static Factory the_factory;

static HRESULT STDMETHODCALLTYPE factory_query(void *self, REFIID iid, void **out) {
    (void)self;
    if (!out) return E_POINTER;
    if (same(iid, &IID_IUnknown_) || same(iid, &IID_IInspectable_) ||
        same(iid, &IID_IActivationFactory_) || same(iid, &IID_IAgileObject_)) {
        *out = &the_factory;
        return S_OK;
    }
    *out = NULL;
    return E_NOINTERFACE;
}
static HRESULT STDMETHODCALLTYPE activate(void *self, void **instance) {
    (void)self;
    if (!instance) return E_POINTER;
    *instance = &the_settings.settings;
    return S_OK;
}
static const FactoryVtbl FACTORY_VTBL = {
    factory_query, add_ref, release, get_iids, get_class_name, get_trust, activate,
};
static Factory the_factory = {&FACTORY_VTBL};

/* combase calls this with the class's name (an HSTRING); this DLL serves one class. */
EXPORT HRESULT WINAPI DllGetActivationFactory(void *class_id, void **factory) {
    (void)class_id;
    if (!factory) return E_POINTER;
    *factory = &the_factory;
    return S_OK;
}

EXPORT HRESULT WINAPI DllCanUnloadNow(void) { return S_FALSE; }
