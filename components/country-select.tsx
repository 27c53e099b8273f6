'use client';

import * as React from 'react';
import { CheckIcon, ChevronsUpDownIcon } from 'lucide-react';

import { cn } from '@/lib/utils';
import { Button } from '@/components/ui/button';
import { Command, CommandEmpty, CommandGroup, CommandInput, CommandItem, CommandList } from '@/components/ui/command';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';

export type CountryOption = { code: string; name: string };

export type CountrySelectProps = {
  options: CountryOption[];
  value?: string;
  onChange(code: string): void;
  id?: string;
  invalid?: boolean;
  describedBy?: string;
  placeholder?: string;
  disabled?: boolean;
  className?: string;
  /** Also accepted so <FieldControl> can wire the control. `invalid` / `describedBy` win. */
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
};

/** Exact code first, then name prefix, word prefix, name substring, code prefix. Item value = code. */
function filterCountries(value: string, search: string, keywords?: string[]) {
  const query = search.trim().toLowerCase();
  if (!query) return 1;
  const code = value.toLowerCase();
  const name = (keywords?.[0] ?? '').toLowerCase();
  if (code === query) return 1;
  if (name.startsWith(query)) return 0.9;
  if (name.split(/[\s,()-]+/).some((word) => word.startsWith(query))) return 0.7;
  if (name.includes(query)) return 0.5;
  if (code.startsWith(query)) return 0.4;
  return 0;
}

export function CountrySelect({
  options,
  value,
  onChange,
  id,
  invalid,
  describedBy,
  placeholder = 'Select a country',
  disabled,
  className,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
}: CountrySelectProps) {
  const [open, setOpen] = React.useState(false);
  const selected = options.find((option) => option.code === value);
  const isInvalid = invalid ?? (ariaInvalid === true || ariaInvalid === 'true');

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          id={id}
          type="button"
          variant="outline"
          role="combobox"
          aria-expanded={open}
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy ?? ariaDescribedBy}
          disabled={disabled}
          data-slot="country-select"
          className={cn('w-full justify-between px-3 font-normal', !selected && 'text-muted-foreground', className)}
        >
          <span className="truncate">{selected ? selected.name : placeholder}</span>
          <ChevronsUpDownIcon className="opacity-50" aria-hidden="true" />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-(--radix-popover-trigger-width) min-w-60 p-0" align="start" aria-label="Countries">
        <Command filter={filterCountries} defaultValue={value} label="Search countries">
          <CommandInput placeholder="Search country or code…" />
          <CommandList>
            <CommandGroup>
              {options.map((option) => (
                <CommandItem
                  key={option.code}
                  value={option.code}
                  keywords={[option.name]}
                  onSelect={() => {
                    onChange(option.code);
                    setOpen(false);
                  }}
                >
                  <CheckIcon
                    className={cn(option.code === value ? 'opacity-100' : 'opacity-0')}
                    aria-hidden="true"
                  />
                  <span className="truncate">{option.name}</span>
                  <span className="ml-auto text-xs text-muted-foreground" aria-hidden="true">
                    {option.code}
                  </span>
                </CommandItem>
              ))}
            </CommandGroup>
          </CommandList>
          {/* Outside the listbox: a listbox whose only child is a message fails axe (aria-required-children). */}
          <div role="status" aria-live="polite">
            <CommandEmpty>No country found.</CommandEmpty>
          </div>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
