#!/usr/bin/env python3
# Writes the explicit source lists of core/, ui/ and app/ into their CMakeLists.txt (between markers).
import os, re, sys
def files(root, exclude=()):
    out=[]
    for d, _, fs in os.walk(root):
        for f in fs:
            if f.endswith(('.cpp', '.h')):
                p=os.path.relpath(os.path.join(d, f), root)
                if p not in exclude:
                    out.append(p)
    return sorted(out)
def block(var, paths):
    lines=['set(%s' % var]
    line='   '
    for p in paths:
        if len(line) + len(p) + 1 > 116:
            lines.append(line); line='   '
        line += ' ' + p
    lines.append(line + ')')
    return '\n'.join(lines)
for root, var, exclude in (('core', 'CORE_SOURCES', ()), ('ui', 'UI_SOURCES', ()), ('app', 'APP_SOURCES', ('main.cpp',))):
    path=os.path.join(root, 'CMakeLists.txt')
    s=open(path).read()
    new=block(var, files(root, exclude))
    if '# sources: begin' in s:
        s=re.sub(r'# sources: begin\n.*?# sources: end', '# sources: begin\n' + new + '\n# sources: end', s, flags=re.S)
    else:
        print('no markers in', path); sys.exit(1)
    open(path,'w').write(s)
